-- Totals of each client's records per 15-minute UTC bucket and queue, maintained by ingestion in the transaction that
-- stores the records (an upsert that adds), so a monthly report reads a few thousand rows, never the raw records.
-- The distributions a threshold metric needs (wait of answered and of abandoned contacts, resolution time) are kept
-- exact as jsonb objects {"<whole seconds>": <count>}. docs/decisions/0012.

-- {"42": 3, "60": 1} from the values of an array (nulls ignored); {} when there are none
create function seconds_histogram(vals bigint[]) returns jsonb
    language sql immutable parallel safe set search_path = pg_catalog as $$
    select coalesce(jsonb_object_agg(s, c), '{}'::jsonb)
    from (select s, count(*) as c from unnest(vals) as s where s is not null group by s) as h
$$;

-- the sum of two histograms, second by second
create function seconds_merge(a jsonb, b jsonb) returns jsonb
    language sql immutable parallel safe set search_path = pg_catalog as $$
    select coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
    from (select k, sum(v::bigint) as n
          from (select key as k, value as v from jsonb_each_text(a)
                union all
                select key, value from jsonb_each_text(b)) as both_sides
          group by k) as summed
$$;

create table interaction_rollups (
    tenant_id           text        not null check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    bucket_start        timestamptz not null,
    -- the record's queue, '' for records without one (a key column cannot be null)
    queue_key           text        not null,
    offered             bigint      not null,
    answered            bigint      not null,
    abandoned           bigint      not null,
    transferred         bigint      not null,
    answered_wait_sum   bigint      not null,
    answered_wait_count bigint      not null,
    answered_wait       jsonb       not null,
    abandoned_wait      jsonb       not null,
    handle_sum          bigint      not null,
    handle_count        bigint      not null,
    resolution          jsonb       not null,
    fcr_resolved        bigint      not null,
    fcr_known           bigint      not null,
    csat_sum            bigint      not null,
    csat_count          bigint      not null,
    quality_sum         numeric     not null,
    quality_count       bigint      not null,
    last_ingested_at    timestamptz not null,
    primary key (tenant_id, bucket_start, queue_key)
);

-- the rollups of records stored before this migration
alter table interactions no force row level security;
insert into interaction_rollups
select tenant_id, date_bin('15 minutes', offered_at, timestamptz '1970-01-01 00:00Z'), coalesce(queue, ''),
       count(*), count(answered_at), count(*) filter (where abandoned), count(*) filter (where transferred),
       coalesce(sum(wait_seconds) filter (where answered_at is not null), 0),
       count(wait_seconds) filter (where answered_at is not null),
       seconds_histogram(array_agg(wait_seconds::bigint) filter (where answered_at is not null)),
       seconds_histogram(array_agg(wait_seconds::bigint) filter (where abandoned)),
       coalesce(sum(handle_seconds), 0), count(handle_seconds),
       seconds_histogram(array_agg(floor(extract(epoch from ended_at - offered_at))::bigint)),
       count(*) filter (where first_contact_resolution), count(first_contact_resolution),
       coalesce(sum(csat), 0), count(csat), coalesce(sum(quality_score), 0), count(quality_score),
       max(created_at)
from interactions
group by 1, 2, 3;
alter table interactions force row level security;

alter table interaction_rollups enable row level security;
alter table interaction_rollups force row level security;
create policy tenant_isolation on interaction_rollups
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- ingestion adds to existing buckets (update); nothing deletes them
grant select, insert, update on interaction_rollups to ${app_role};
