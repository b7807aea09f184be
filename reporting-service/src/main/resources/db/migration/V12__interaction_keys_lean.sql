-- The duplicate check of ingestion (interaction_keys) is written once per record, in the same statement as the
-- record: it was about 40 % of the database's work per record. Leaner, same guarantees:
--  * keys compare byte by byte (collation "C"): they are identifiers, never sorted for a reader, and the database's
--    C.UTF-8 collation compares through the C library;
--  * offered_at was written and never read;
--  * the tenant id's format is checked by interactions, whose row is inserted with the key in one statement (a key
--    cannot be stored without its record); row-level security still checks that the key is the bound tenant's.
alter table interaction_keys drop constraint interaction_keys_tenant_id_check;
alter table interaction_keys drop column offered_at;
-- a column a policy reads cannot change type: the policy is dropped and created again, the same
drop policy tenant_isolation on interaction_keys;
alter table interaction_keys
    alter column tenant_id type text collate "C",
    alter column external_id type text collate "C";
create policy tenant_isolation on interaction_keys
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
