-- people-service's own state. Who belongs to which client, in which role, is NOT here: Keycloak holds it (decision
-- 0032). Here: each client's lifecycle, its history, the revocations the gateway and services poll, and the
-- offboarding export archives. Runs as the owner role; ${app_role} gets only DML. Every table leads with tenant_id
-- and is guarded by row-level security on transaction-local settings, forced even for the owner.

create table client_lifecycle (
    tenant_id         text        not null primary key check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    status            text        not null check (status in ('ACTIVE', 'SUSPENDED', 'OFFBOARDED', 'DELETED')),
    group_id          text,
    status_changed_at timestamptz not null,
    deletion_due_at   timestamptz,
    deleted_at        timestamptz,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
alter table client_lifecycle enable row level security;
alter table client_lifecycle force row level security;
-- the lifecycle is the provider administrator's ('*' is set for cross-tenant roles only); the revocation feed reads
-- every row under app.revocation_feed, set transaction-locally by that one reader
create policy lifecycle_visible on client_lifecycle
    using (current_setting('app.visible_tenants', true) = '*'
           or current_setting('app.revocation_feed', true) = 'on'
           or tenant_id = current_setting('app.tenant_id', true))
    with check (current_setting('app.visible_tenants', true) = '*');

-- no foreign key to client_lifecycle: the people of clients onboarded before people-service existed have history too
create table lifecycle_events (
    tenant_id  text        not null,
    id         uuid        not null,
    action     text        not null,
    actor      text        not null,
    detail     text,
    at         timestamptz not null,
    primary key (tenant_id, id)
);
create index lifecycle_events_by_time on lifecycle_events (tenant_id, at, id);
alter table lifecycle_events enable row level security;
alter table lifecycle_events force row level security;
create policy lifecycle_events_visible on lifecycle_events
    using (current_setting('app.visible_tenants', true) = '*'
           or tenant_id = current_setting('app.tenant_id', true))
    with check (current_setting('app.visible_tenants', true) = '*'
           or tenant_id = current_setting('app.tenant_id', true));

-- A person's tokens issued at or before revoked_at are refused (removed, role changed, signed out); one row per
-- person and client, the latest revocation kept.
create table revocations (
    tenant_id  text        not null,
    subject    text        not null,
    revoked_at timestamptz not null,
    reason     text        not null,
    primary key (tenant_id, subject)
);
create index revocations_by_time on revocations (revoked_at);
alter table revocations enable row level security;
alter table revocations force row level security;
create policy revocations_visible on revocations
    using (current_setting('app.visible_tenants', true) = '*'
           or current_setting('app.revocation_feed', true) = 'on'
           or tenant_id = current_setting('app.tenant_id', true))
    with check (current_setting('app.visible_tenants', true) = '*'
           or tenant_id = current_setting('app.tenant_id', true));

create table client_exports (
    tenant_id  text        not null references client_lifecycle (tenant_id),
    id         uuid        not null,
    sha256     text        not null,
    size_bytes bigint      not null,
    archive    bytea       not null,
    created_by text        not null,
    created_at timestamptz not null,
    primary key (tenant_id, id)
);
alter table client_exports enable row level security;
alter table client_exports force row level security;
create policy client_exports_visible on client_exports
    using (current_setting('app.visible_tenants', true) = '*')
    with check (current_setting('app.visible_tenants', true) = '*');

grant select, insert, update on client_lifecycle to ${app_role};
grant select, insert on lifecycle_events to ${app_role};
grant select, insert, update on revocations to ${app_role};
grant select, insert, delete on client_exports to ${app_role};
