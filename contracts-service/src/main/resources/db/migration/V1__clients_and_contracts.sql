-- Clients registry and contracts. Runs as the owner role; the application role ${app_role} gets only DML.
-- Isolation layer 3: every tenant-owned table leads with tenant_id and is guarded by row-level security on the
-- transaction-local setting app.tenant_id (app.visible_tenants for the registry), forced even for the owner.

create table clients (
    tenant_id   text        not null primary key check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    legal_name  text        not null check (length(legal_name) between 1 and 200),
    country     text        not null check (country ~ '^[A-Z]{2}$'),
    sector      text,
    status      text        not null check (status in ('ACTIVE', 'SUSPENDED', 'OFFBOARDED')),
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

alter table clients enable row level security;
alter table clients force row level security;
-- A caller sees the clients its token lists; '*' is set only for cross-tenant roles, the only ones that onboard.
create policy clients_visible on clients
    using (current_setting('app.visible_tenants', true) = '*'
           or tenant_id = any (string_to_array(current_setting('app.visible_tenants', true), ',')))
    with check (current_setting('app.visible_tenants', true) = '*');

create table contracts (
    tenant_id         text        not null references clients (tenant_id),
    id                uuid        not null,
    reference         text        not null,
    title             text        not null,
    engagement_type   text        not null check (engagement_type in ('BPO', 'KPO', 'ITO')),
    delivery_model    text        not null check (delivery_model in ('OUTSOURCED', 'HOSTED', 'INSOURCED')),
    delivery_country  text        not null check (delivery_country ~ '^[A-Z]{2}$'),
    delivery_location text        not null check (delivery_location in ('ONSHORE', 'NEARSHORE', 'OFFSHORE')),
    start_date        date        not null,
    end_date          date,
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    status            text        not null check (status in ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED')),
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, reference),
    check (end_date is null or end_date >= start_date)
);
create index contracts_by_creation on contracts (tenant_id, created_at, id);

alter table contracts enable row level security;
alter table contracts force row level security;
create policy tenant_isolation on contracts
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));


grant select, insert, update on clients to ${app_role};
grant select, insert, update, delete on contracts to ${app_role};
