-- Confidentiality log: one row per request to /api/v1, allowed or denied. Append-only.
-- The app role (${app_role}) may only read and insert; a trigger refuses UPDATE, DELETE and TRUNCATE even for
-- the owner, so a row can only disappear with the table itself.
-- seq gives the insertion order that a hash chain over the rows will follow.

CREATE TABLE access_log (
    id              uuid        NOT NULL,
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    occurred_at     timestamptz NOT NULL,
    request_id      text        NOT NULL,
    subject         text,
    username        text,
    roles           text[]      NOT NULL DEFAULT '{}',
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
    CONSTRAINT access_log_pk PRIMARY KEY (id),
    CONSTRAINT access_log_seq_uk UNIQUE (seq),
    CONSTRAINT access_log_outcome_ck CHECK (outcome IN (
        'ALLOWED', 'ALLOWED_CROSS_TENANT', 'DENIED_UNAUTHENTICATED', 'DENIED_TENANT', 'DENIED_ROLE',
        'RATE_LIMITED', 'REJECTED_NOT_FOUND', 'REJECTED_INVALID', 'REJECTED_TOO_LARGE', 'UPSTREAM_ERROR',
        'CLIENT_ABORTED', 'GATEWAY_ERROR')),
    CONSTRAINT access_log_status_ck CHECK (status BETWEEN 100 AND 599),
    CONSTRAINT access_log_duration_ck CHECK (duration_ms >= 0)
);

-- Newest-first keyset pages, overall and per filter the audit API offers.
CREATE INDEX access_log_occurred_ix ON access_log (occurred_at DESC, id DESC);
CREATE INDEX access_log_client_ix ON access_log (client_id, occurred_at DESC, id DESC);
CREATE INDEX access_log_subject_ix ON access_log (subject, occurred_at DESC, id DESC);
CREATE INDEX access_log_request_ix ON access_log (request_id);

CREATE FUNCTION access_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER access_log_no_truncate
    BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

REVOKE ALL ON access_log FROM PUBLIC;
GRANT SELECT, INSERT ON access_log TO ${app_role};
