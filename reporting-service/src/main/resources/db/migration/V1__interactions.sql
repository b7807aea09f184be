-- Interaction records (calls, e-mails, chats, back-office items) pushed by the provider's tools. Runs as the owner
-- role; the application role ${app_role} gets only what it needs: records are facts, appended and never rewritten,
-- so it may insert and read them but neither update nor delete them.
-- Isolation layer 3: every tenant-owned table leads with tenant_id and is guarded by row-level security on the
-- transaction-local setting app.tenant_id, forced even for the owner.

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
    primary key (tenant_id, id),
    -- the idempotency key of ingestion: a record pushed twice is stored once (INSERT ... ON CONFLICT DO NOTHING)
    constraint interactions_external_id unique (tenant_id, external_id),
    constraint interactions_abandoned_unanswered
        check (not abandoned or (answered_at is null and handle_seconds is null))
);
-- periods are read in (offered_at, id) order, which is also the keyset of the list's cursor
create index interactions_by_offer on interactions (tenant_id, offered_at, id);

alter table interactions enable row level security;
alter table interactions force row level security;
create policy tenant_isolation on interactions
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));


grant select, insert on interactions to ${app_role};
