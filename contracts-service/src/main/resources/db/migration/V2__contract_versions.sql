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

-- Contracts created before this migration get their original agreement as version 1: minimal terms built from
-- their dates (an end date is now required: one year when there was none). The owner lifts FORCE for the
-- backfill only, so that it sees every tenant's rows, then forces row-level security again.
alter table contracts no force row level security;
alter table contract_versions no force row level security;

update contracts set end_date = start_date + interval '1 year' - interval '1 day' where end_date is null;
alter table contracts alter column end_date set not null;
update contracts set notice_period_days = least(90, end_date - start_date) where notice_period_days is null;

insert into contract_versions (tenant_id, id, contract_id, number, amendment_number, effective_from, terms,
                               created_by, version, created_at, updated_at)
select c.tenant_id, gen_random_uuid(), c.id, 1, 0, c.start_date,
       jsonb_build_object(
           'term', jsonb_build_object('startDate', c.start_date, 'endDate', c.end_date,
                                      'noticePeriodDays', c.notice_period_days, 'renewal', 'EXPLICIT',
                                      'renewalPeriodMonths', null),
           'pricing', jsonb_build_object('model', 'FIXED_FEE', 'monthlyFee', 0, 'unitPrice', null,
                                         'ftePrice', null, 'fteCount', null, 'annualBudgetCap', null),
           'governance', '[]'::jsonb, 'calendars', '[]'::jsonb, 'scope', '[]'::jsonb,
           'objectives', '[]'::jsonb, 'slas', '[]'::jsonb),
       'migration V2', 0, now(), now()
from contracts c
where not exists (select 1 from contract_versions v where v.tenant_id = c.tenant_id and v.contract_id = c.id);

alter table contracts force row level security;
alter table contract_versions force row level security;
