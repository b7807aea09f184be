-- Contract terms as effective-dated versions. Each version holds the complete terms document (term, pricing,
-- governance, calendars, scope, objectives, SLAs) as JSON; version 1 is the original agreement, editable while the
-- contract is a DRAFT; each applied amendment adds a version with its amendment number and effective date.
-- "Which terms were in force on D" = the version with the latest effective_from <= D (then the highest number).

alter table contracts add column notice_period_days integer;

create table contract_versions (
    tenant_id         text        not null,
    id                uuid        not null,
    contract_id       uuid        not null,
    number            integer     not null check (number >= 1),
    amendment_number  integer     not null check (amendment_number >= 0),
    effective_from    date        not null,
    terms             jsonb       not null,
    change_request_id uuid,
    created_by        text        not null,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, contract_id, number),
    foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
    check ((number = 1) = (amendment_number = 0))
);
create index contract_versions_in_force on contract_versions (tenant_id, contract_id, effective_from, number);

alter table contract_versions enable row level security;
alter table contract_versions force row level security;
create policy tenant_isolation on contract_versions
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- update: only the draft version 1 is ever rewritten (the service refuses it once the contract is active)
grant select, insert, update on contract_versions to ${app_role};
