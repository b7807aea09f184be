-- Pre-aggregated KPI measurements for processes that are not contact-centre interactions (a back office's error
-- rate, its backlog age): one value per contract, SLA and period, with the numbers behind it when it is a ratio.
-- Facts like the records: appended, never rewritten; pushing the same period again is a duplicate (first one stays).

create table kpi_measurements (
    tenant_id    text        not null check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    contract_id  uuid        not null,
    sla_key      text        not null check (length(sla_key) between 1 and 100),
    period_start timestamptz not null,
    period_end   timestamptz not null,
    value        numeric     not null,
    numerator    numeric     check (numerator >= 0),
    denominator  numeric     check (denominator > 0),
    received_at  timestamptz not null,
    primary key (tenant_id, contract_id, sla_key, period_start),
    check (period_end > period_start),
    check ((numerator is null) = (denominator is null))
);

alter table kpi_measurements enable row level security;
alter table kpi_measurements force row level security;
create policy tenant_isolation on kpi_measurements
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert on kpi_measurements to ${app_role};
