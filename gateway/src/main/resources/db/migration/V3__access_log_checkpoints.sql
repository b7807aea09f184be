-- Signed checkpoints of the per-client hash chains. Each row states "the chain chain_key had, at chain_seq, the
-- hash hash", signed (Ed25519) by the gateway's checkpoint key key_id over the canonical line
-- bpo-access-log-checkpoint-v1\n<chain_key>\n<chain_seq>\n<hash>\n<signed_at>\n (signed_at as the API shows it).
-- Whoever can rewrite access_log and recompute its hashes still cannot produce a matching signature.
-- Append-only like the log: the app role may only read and insert, and the log's trigger refuses the rest.

CREATE TABLE access_log_checkpoints (
    id        uuid        NOT NULL,
    chain_key text        NOT NULL,
    chain_seq bigint      NOT NULL,
    hash      text        NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    text        NOT NULL,
    signature text        NOT NULL,
    CONSTRAINT access_log_checkpoints_pk PRIMARY KEY (id),
    CONSTRAINT access_log_checkpoints_seq_ck CHECK (chain_seq >= 1),
    CONSTRAINT access_log_checkpoints_hash_ck CHECK (hash ~ '^[0-9a-f]{64}$')
);

CREATE INDEX access_log_checkpoints_chain_ix ON access_log_checkpoints (chain_key, chain_seq);

CREATE TRIGGER access_log_checkpoints_append_only
    BEFORE UPDATE OR DELETE ON access_log_checkpoints
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER access_log_checkpoints_no_truncate
    BEFORE TRUNCATE ON access_log_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

REVOKE ALL ON access_log_checkpoints FROM PUBLIC;
GRANT SELECT, INSERT ON access_log_checkpoints TO ${app_role};
