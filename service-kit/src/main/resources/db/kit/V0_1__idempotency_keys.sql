-- The kit's Idempotency-Key records (io.bpo.kit.idempotency.IdempotencyRecord), in every service's database.
-- Shipped by service-kit and found through quarkus.flyway.locations=db/migration,db/kit; version 0.1 so it runs
-- before each service's own V1. Tenant-owned: tenant_id leads the keys, row-level security is forced.
create table idempotency_keys (
    tenant_id       text        not null,
    id              uuid        not null,
    operation       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_body   text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, operation, idempotency_key)
);

alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy tenant_isolation on idempotency_keys
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- A stored first response is never rewritten: the app role may read and add records only.
grant select, insert on idempotency_keys to ${app_role};
