-- The latest ingestion per client and UTC day of the buckets it reached. lastIngestedAt (a report's cache key, and a
-- frozen statement's late-records check) read max(last_ingested_at) over every rollup row of the range: 16 ms for
-- the demo's year on every monthly review, and more as a bucket's deltas pile up (V11). Ingestion writes the days of
-- its buckets with its deltas, in the same transaction; compaction keeps the latest time of what it merges, so it
-- changes nothing here. docs/decisions/0024.
create table interaction_ingest_days (
    tenant_id        text        not null,
    day              date        not null,
    last_ingested_at timestamptz not null,
    primary key (tenant_id, day)
);

-- the days of the rollups already there (the owner reads every tenant's: row-level security is forced otherwise)
alter table interaction_rollups no force row level security;
insert into interaction_ingest_days
select tenant_id, (bucket_start at time zone 'UTC')::date, max(last_ingested_at)
from interaction_rollups
group by 1, 2;
alter table interaction_rollups force row level security;

alter table interaction_ingest_days enable row level security;
alter table interaction_ingest_days force row level security;
create policy tenant_isolation on interaction_ingest_days
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on interaction_ingest_days to ${app_role};
