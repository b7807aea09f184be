-- Rollups become deltas: each ingestion batch appends its own totals per bucket and queue (a row keyed by the
-- batch) instead of adding them to the bucket's single row. Adding counts in an upsert was cheap; merging the
-- per-second distributions (jsonb) was not: about 45 microseconds per distribution in SQL, over a second for a batch
-- spread over a month, and rewriting every touched row whole. Readers sum a bucket's deltas; ingestion compacts a
-- bucket's deltas into one row once it has accumulated enough of them. docs/decisions/0024.
alter table interaction_rollups add column batch_id uuid not null default gen_random_uuid();
alter table interaction_rollups drop constraint interaction_rollups_pkey;
alter table interaction_rollups add primary key (tenant_id, bucket_start, queue_key, batch_id);

-- ingestion appends deltas and compacts them (delete, then insert their sum); nothing updates a row in place
revoke update on interaction_rollups from ${app_role};
grant delete on interaction_rollups to ${app_role};
