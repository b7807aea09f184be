-- Tamper evidence: the access log is a hash chain per client (chain key = client_id, or '-' for entries without
-- a client). Each entry carries its position in its chain (chain_seq 1, 2, 3...), the previous entry's hash
-- (64 zeros for the first) and its own hash, SHA-256 over a canonical encoding computed by the gateway
-- (io.bpo.gateway.accesslog.ChainHash). Rows written before this migration keep chain_seq NULL: they are a
-- pre-chain prefix, which verify counts ("unchained") but cannot vouch for.
-- The append-only trigger and the app role's SELECT, INSERT on access_log are unchanged.

ALTER TABLE access_log
    ADD COLUMN chain_seq bigint,
    ADD COLUMN prev_hash text,
    ADD COLUMN hash      text,
    ADD CONSTRAINT access_log_chain_ck CHECK (
        (chain_seq IS NULL AND prev_hash IS NULL AND hash IS NULL)
        OR (chain_seq >= 1 AND prev_hash ~ '^[0-9a-f]{64}$' AND hash ~ '^[0-9a-f]{64}$'));

CREATE UNIQUE INDEX access_log_chain_uk ON access_log ((coalesce(client_id, '-')), chain_seq);

-- The head (last chain_seq and hash) of each chain. The writer locks the heads of the chains in its batch
-- (SELECT ... FOR UPDATE, in chain-key order) and moves them in the batch's transaction, so writers in several
-- gateway replicas extend a chain one after the other. Not the log itself: the app role may update it.
CREATE TABLE access_log_chain_heads (
    chain_key text   NOT NULL,
    chain_seq bigint NOT NULL,
    hash      text   NOT NULL,
    CONSTRAINT access_log_chain_heads_pk PRIMARY KEY (chain_key),
    CONSTRAINT access_log_chain_heads_seq_ck CHECK (chain_seq >= 0),
    CONSTRAINT access_log_chain_heads_hash_ck CHECK (hash ~ '^[0-9a-f]{64}$')
);

REVOKE ALL ON access_log_chain_heads FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON access_log_chain_heads TO ${app_role};
