-- The outbox: events this service records in the transaction of the change they describe, so an event exists if and
-- only if its change committed. The relay (module outbox) posts them to notifications-service at least once, in seq
-- order, marks them delivered and deletes delivered ones after a retention period. Payloads name ids and facts the
-- recipients need, never a document's body.

create table outbox_events (
    tenant_id     text        not null,
    id            uuid        not null,
    seq           bigint      generated always as identity,
    type          text        not null check (type ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    subject       text        not null check (length(subject) between 1 and 200),
    payload       jsonb       not null check (jsonb_typeof(payload) = 'object'),
    occurred_at   timestamptz not null,
    delivered_at  timestamptz,
    primary key (tenant_id, id)
);
-- What the relay reads: the undelivered rows, few at any time, ordered by seq.
create index outbox_events_pending on outbox_events (tenant_id, seq) where delivered_at is null;
create index outbox_events_delivered on outbox_events (tenant_id, delivered_at) where delivered_at is not null;

alter table outbox_events enable row level security;
alter table outbox_events force row level security;
-- A change records events of its own client only.
create policy tenant_isolation on outbox_events
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- The relay is the one reader of every client's events: it sets app.outbox_relay in its own transaction, reads,
-- marks delivered and purges; it never inserts, so the insert check above stays the only way in.
create policy outbox_relay_read on outbox_events for select
    using (current_setting('app.outbox_relay', true) = 'on');
create policy outbox_relay_mark on outbox_events for update
    using (current_setting('app.outbox_relay', true) = 'on')
    with check (current_setting('app.outbox_relay', true) = 'on');
create policy outbox_relay_purge on outbox_events for delete
    using (current_setting('app.outbox_relay', true) = 'on');

grant select, insert, update, delete on outbox_events to ${app_role};
