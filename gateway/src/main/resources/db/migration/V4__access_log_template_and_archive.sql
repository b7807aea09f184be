-- 1. Path template and resource ids (issue 6). Entries written from now on carry the route template of their
--    path and the ids in it (values in the template's placeholder order), both inside the hash: hash_version 2
--    (io.bpo.gateway.accesslog.ChainHash). Rows written before keep hash_version 1, their encoding, and verify.
-- 2. Retention: entries older than the retention period move to access_log_archive with every column, hashes
--    included, so the chains verify across both tables (view access_log_all). Only the SECURITY DEFINER function
--    access_log_archive(cutoff), owned by the owner role, may move them; the app role may execute it but has no
--    UPDATE or DELETE on either table, and the append-only trigger refuses DELETE on access_log to anyone but the
--    owner inside that function. The archive refuses UPDATE, DELETE and TRUNCATE to everyone.
-- decision record 0016.

ALTER TABLE access_log
    ADD COLUMN path_template text,
    ADD COLUMN resource_ids  text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN hash_version  smallint NOT NULL DEFAULT 1,
    ADD CONSTRAINT access_log_hash_version_ck CHECK (hash_version IN (1, 2));
-- the rows already there got 1 (their encoding); from now on the writer's encoding is 2
ALTER TABLE access_log ALTER COLUMN hash_version SET DEFAULT 2;

CREATE INDEX access_log_template_ix ON access_log (path_template, occurred_at DESC, id DESC);
CREATE INDEX access_log_outcome_ix ON access_log (outcome, occurred_at DESC, id DESC);

CREATE TABLE access_log_archive (
    id              uuid        NOT NULL,
    seq             bigint      NOT NULL,
    occurred_at     timestamptz NOT NULL,
    request_id      text        NOT NULL,
    subject         text,
    username        text,
    roles           text[]      NOT NULL,
    client_id       text,
    service         text,
    method          text        NOT NULL,
    path            text        NOT NULL,
    status          smallint    NOT NULL,
    outcome         text        NOT NULL,
    reason          text,
    source_address  text,
    user_agent      text,
    duration_ms     bigint      NOT NULL,
    chain_seq       bigint,
    prev_hash       text,
    hash            text,
    path_template   text,
    resource_ids    text[]      NOT NULL,
    hash_version    smallint    NOT NULL,
    archived_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT access_log_archive_pk PRIMARY KEY (id)
);

CREATE INDEX access_log_archive_occurred_ix ON access_log_archive (occurred_at DESC, id DESC);
CREATE INDEX access_log_archive_client_ix ON access_log_archive (client_id, occurred_at DESC, id DESC);
CREATE INDEX access_log_archive_subject_ix ON access_log_archive (subject, occurred_at DESC, id DESC);
CREATE UNIQUE INDEX access_log_archive_chain_uk ON access_log_archive ((coalesce(client_id, '-')), chain_seq);

-- Both tables, for reads (list, exports, verify, alerts). Owned by the owner: the app role reads through it.
CREATE VIEW access_log_all AS
    SELECT id, seq, occurred_at, request_id, subject, username, roles, client_id, service, method, path, status,
           outcome, reason, source_address, user_agent, duration_ms, chain_seq, prev_hash, hash, path_template,
           resource_ids, hash_version, false AS archived
    FROM access_log
    UNION ALL
    SELECT id, seq, occurred_at, request_id, subject, username, roles, client_id, service, method, path, status,
           outcome, reason, source_address, user_agent, duration_ms, chain_seq, prev_hash, hash, path_template,
           resource_ids, hash_version, true AS archived
    FROM access_log_archive;

-- The append-only trigger function, now with one exception: DELETE on access_log by the table's owner while
-- access_log_archive() runs (it sets bpo.access_log.archiving for its own transaction). The app role lacks
-- the DELETE privilege, so it never reaches this trigger; the owner outside the function is refused as before.
CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'access_log'
            AND current_setting('bpo.access_log.archiving', true) = 'on'
            AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_archive_append_only
    BEFORE UPDATE OR DELETE ON access_log_archive
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER access_log_archive_no_truncate
    BEFORE TRUNCATE ON access_log_archive
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

-- Moves the entries that occurred before cutoff to the archive, unchanged; returns how many. Refuses a cutoff
-- less than 28 days ago: whoever can call it (the app role) cannot empty the live table of recent entries.
CREATE FUNCTION access_log_archive(cutoff timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public
AS
$$
DECLARE
    moved bigint;
BEGIN
    IF cutoff IS NULL OR cutoff > now() - interval '28 days' THEN
        RAISE EXCEPTION 'access_log_archive: cutoff % is less than 28 days ago', cutoff
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('bpo.access_log.archiving', 'on', true);
    WITH gone AS (
        DELETE FROM access_log WHERE occurred_at < cutoff
        RETURNING id, seq, occurred_at, request_id, subject, username, roles, client_id, service, method, path,
                  status, outcome, reason, source_address, user_agent, duration_ms, chain_seq, prev_hash, hash,
                  path_template, resource_ids, hash_version)
    INSERT INTO access_log_archive (id, seq, occurred_at, request_id, subject, username, roles, client_id,
                                    service, method, path, status, outcome, reason, source_address, user_agent,
                                    duration_ms, chain_seq, prev_hash, hash, path_template, resource_ids,
                                    hash_version)
    SELECT * FROM gone;
    GET DIAGNOSTICS moved = ROW_COUNT;
    PERFORM set_config('bpo.access_log.archiving', 'off', true);
    RETURN moved;
END;
$$;

REVOKE ALL ON access_log_archive FROM PUBLIC;
GRANT SELECT ON access_log_archive TO ${app_role};
REVOKE ALL ON access_log_all FROM PUBLIC;
GRANT SELECT ON access_log_all TO ${app_role};
REVOKE ALL ON FUNCTION access_log_archive(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access_log_archive(timestamptz) TO ${app_role};
