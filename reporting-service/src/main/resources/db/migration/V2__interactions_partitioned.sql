-- Interaction records partitioned by month of offered_at (UTC), for volume: a month's records live in one
-- partition, old months can be detached and archived whole, and the list's index stays per partition.
-- A partitioned table's unique constraints must contain the partition key, so the idempotency key of ingestion,
-- (tenant_id, external_id), moves to its own unpartitioned table, interaction_keys: ingestion inserts the key first
-- (ON CONFLICT DO NOTHING) and stores the record only when the key was new. docs/decisions/0011.

alter table interactions rename to interactions_v1;
alter index interactions_pkey rename to interactions_v1_pkey;
alter index interactions_external_id rename to interactions_v1_external_id;
alter index interactions_by_offer rename to interactions_v1_by_offer;
-- the owner reads every tenant's rows to move them (RLS is forced on it otherwise)
alter table interactions_v1 no force row level security;

create table interactions (
    tenant_id                text        not null check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    id                       uuid        not null,
    external_id              text        not null check (length(external_id) between 1 and 128),
    channel                  text        not null check (channel in ('PHONE', 'EMAIL', 'CHAT', 'BACK_OFFICE')),
    queue                    text        check (length(queue) between 1 and 100),
    offered_at               timestamptz not null,
    answered_at              timestamptz check (answered_at >= offered_at),
    ended_at                 timestamptz check (ended_at >= offered_at),
    wait_seconds             integer     check (wait_seconds >= 0),
    handle_seconds           integer     check (handle_seconds >= 0),
    abandoned                boolean     not null,
    transferred              boolean     not null default false,
    first_contact_resolution boolean,
    csat                     smallint    check (csat between 1 and 5),
    quality_score            numeric(5, 2) check (quality_score between 0 and 100),
    agent_id                 text        check (length(agent_id) between 1 and 64),
    received_at              timestamptz not null,
    created_at               timestamptz not null,
    -- periods are read in (offered_at, id) order, the keyset of the list's cursor: the primary key serves it
    primary key (tenant_id, offered_at, id),
    constraint interactions_abandoned_unanswered
        check (not abandoned or (answered_at is null and handle_seconds is null))
) partition by range (offered_at);
-- one record by id (GET .../interactions/{id}); ids are random UUIDs, unique by construction
create index interactions_by_id on interactions (tenant_id, id);
-- records offered outside every monthly partition (before 2000, far in the future, or in a month whose partition
-- could not be created because this one already held rows of it)
create table interactions_default partition of interactions default;

-- (tenant_id, external_id) -> the record stored for it: the duplicate check of ingestion
create table interaction_keys (
    tenant_id      text        not null check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    external_id    text        not null check (length(external_id) between 1 and 128),
    interaction_id uuid        not null,
    offered_at     timestamptz not null,
    primary key (tenant_id, external_id)
);

/*
 * Creates the monthly partition holding {@code at} (UTC month) unless it exists; answers whether it exists now.
 * Called by ingestion (the app role, which owns nothing: hence SECURITY DEFINER, running as the owner) for each
 * month of a batch before the records are inserted, and at start for the months ahead. Only months from 2000 to 13
 * months ahead get a partition, so a mistyped year cannot create tables at will; the rest goes to the default
 * partition, as do the rows of a month whose partition cannot be created because the default one already holds rows
 * of that month (moving them is an operator's task: docs/operations.md).
 */
create function interactions_ensure_partition(at timestamptz) returns boolean
    language plpgsql security definer set search_path = public, pg_temp set lock_timeout = '2s' as $$
declare
    month_start timestamp := date_trunc('month', at at time zone 'UTC');
    name        text      := 'interactions_' || to_char(month_start, 'YYYY_MM');
begin
    if month_start < timestamp '2000-01-01' or month_start > (now() at time zone 'UTC') + interval '13 months' then
        return false;
    end if;
    if to_regclass(name) is not null then
        return true;
    end if;
    begin
        execute format('create table %I partition of interactions for values from (%L) to (%L)', name,
                       month_start at time zone 'UTC', (month_start + interval '1 month') at time zone 'UTC');
        execute format('alter table %I enable row level security', name);
        execute format('alter table %I force row level security', name);
        execute format('create policy tenant_isolation on %I'
                       || ' using (tenant_id = current_setting(''app.tenant_id'', true))'
                       || ' with check (tenant_id = current_setting(''app.tenant_id'', true))', name);
    exception when duplicate_table or check_violation or lock_not_available then
        -- created meanwhile by a concurrent batch, or the default partition holds rows of this month
        return to_regclass(name) is not null;
    end;
    return true;
end
$$;
revoke all on function interactions_ensure_partition(timestamptz) from public;
grant execute on function interactions_ensure_partition(timestamptz) to ${app_role};

do $$
declare
    m timestamptz;
begin
    for m in select generate_series(timestamptz '2024-01-01 00:00Z', now() + interval '12 months', interval '1 month')
    loop
        perform interactions_ensure_partition(m);
    end loop;
    perform interactions_ensure_partition(min(offered_at)) from interactions_v1 group by date_trunc('month', offered_at at time zone 'UTC');
end
$$;

insert into interactions (tenant_id, id, external_id, channel, queue, offered_at, answered_at, ended_at,
                          wait_seconds, handle_seconds, abandoned, transferred, first_contact_resolution, csat,
                          quality_score, agent_id, received_at, created_at)
select tenant_id, id, external_id, channel, queue, offered_at, answered_at, ended_at, wait_seconds, handle_seconds,
       abandoned, transferred, first_contact_resolution, csat, quality_score, agent_id, received_at, created_at
from interactions_v1;
insert into interaction_keys (tenant_id, external_id, interaction_id, offered_at)
select tenant_id, external_id, id, offered_at from interactions_v1;
drop table interactions_v1;

-- Row-level security on the parent is what applies to every query through it; each partition has it too (enabled,
-- forced, same policy), and the app role has no privilege on a partition itself, so it cannot go around the parent.
alter table interactions enable row level security;
alter table interactions force row level security;
create policy tenant_isolation on interactions
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table interactions_default enable row level security;
alter table interactions_default force row level security;
create policy tenant_isolation on interactions_default
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table interaction_keys enable row level security;
alter table interaction_keys force row level security;
create policy tenant_isolation on interaction_keys
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert on interactions to ${app_role};
grant select, insert on interaction_keys to ${app_role};
