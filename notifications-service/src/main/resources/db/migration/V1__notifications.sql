-- notifications-service: the events received from every service, what they tell people in-app and by e-mail, and
-- the webhooks of each client. Every table is tenant-owned (tenant_id leading its key and indexes, row-level
-- security forced). Runs as the owner role; ${app_role} gets only the DML it needs.

-- Events as received: the primary key is the consumer's idempotency (a redelivered event id is ignored).
create table events (
    tenant_id    text        not null,
    id           uuid        not null,
    type         text        not null check (type ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    source       text        not null,
    subject      text        not null check (length(subject) between 1 and 200),
    payload      jsonb       not null check (jsonb_typeof(payload) = 'object'),
    occurred_at  timestamptz not null,
    received_at  timestamptz not null,
    primary key (tenant_id, id)
);

-- In-app notifications address a client's people by role: whoever holds one of audience_roles in that client sees
-- it, including people who join later. Read state is per person.
create table notifications (
    tenant_id       text        not null,
    id              uuid        not null,
    event_id        uuid        not null,
    type            text        not null,
    audience_roles  text[]      not null check (cardinality(audience_roles) >= 1),
    data            jsonb       not null,
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, event_id) references events (tenant_id, id)
);
create index notifications_by_time on notifications (tenant_id, created_at desc, id desc);

create table notification_reads (
    tenant_id        text        not null,
    notification_id  uuid        not null,
    subject          text        not null,
    read_at          timestamptz not null,
    primary key (tenant_id, subject, notification_id),
    foreign key (tenant_id, notification_id) references notifications (tenant_id, id)
);

-- The people of a client as the service learnt them from their own tokens (subject, e-mail, roles), with their
-- choices: the language of their e-mails and, per event type, which channels reach them (absent: the role's
-- default). Written on each person's first call and whenever their token says something new.
create table recipients (
    tenant_id    text        not null,
    subject      text        not null,
    user_name    text        not null,
    email        text,
    language     text        not null check (language in ('en', 'fr')),
    roles        text[]      not null,
    preferences  jsonb       not null default '{}' check (jsonb_typeof(preferences) = 'object'),
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, subject)
);

-- E-mails to send, rendered in the recipient's language when the event arrived; the mail sender sends each once.
create table mail_messages (
    tenant_id        text        not null,
    id               uuid        not null,
    seq              bigint      generated always as identity,
    event_id         uuid        not null,
    recipient        text        not null,
    to_address       text        not null,
    mail_subject     text        not null,
    text_body        text        not null,
    html_body        text        not null,
    status           text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, event_id, recipient)
);
create index mail_messages_pending on mail_messages (tenant_id, next_attempt_at) where status = 'PENDING';

create table webhook_subscriptions (
    tenant_id        text        not null,
    id               uuid        not null,
    url              text        not null check (url ~ '^https?://' and length(url) <= 2000),
    description      text        check (length(description) <= 500),
    event_types      text[]      not null check (cardinality(event_types) >= 1),
    secret           text        not null,
    status           text        not null check (status in ('ACTIVE', 'DISABLED')),
    disabled_reason  text,
    disabled_at      timestamptz,
    created_by       text        not null,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, id)
);

-- One row per event and subscription; delivered strictly in seq order per subscription, retried with backoff.
create table webhook_deliveries (
    tenant_id         text        not null,
    id                uuid        not null,
    seq               bigint      generated always as identity,
    subscription_id   uuid        not null,
    event_id          uuid        not null,
    event_type        text        not null,
    body              text        not null,
    status            text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    delivered_at      timestamptz,
    redelivery_of     uuid,
    created_at        timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, subscription_id) references webhook_subscriptions (tenant_id, id) on delete cascade,
    foreign key (tenant_id, event_id) references events (tenant_id, id)
);
create index webhook_deliveries_by_subscription on webhook_deliveries (tenant_id, subscription_id, seq);
create index webhook_deliveries_pending on webhook_deliveries (tenant_id, subscription_id, seq)
    where status = 'PENDING';

-- Row-level security: a request acts for one client (app.tenant_id). The mail sender and the webhook dispatcher
-- work through every client's queue: they set app.notification_worker in their own transactions, on the two
-- queue tables and the subscriptions only. Anything else they do (the notice of a disabled webhook) runs as a
-- transaction bound to that one client.
do $$
declare
    t text;
begin
    foreach t in array array['events', 'notifications', 'notification_reads', 'recipients', 'mail_messages',
                             'webhook_subscriptions', 'webhook_deliveries'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       || 'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
    foreach t in array array['mail_messages', 'webhook_subscriptions', 'webhook_deliveries'] loop
        execute format('create policy worker_read on %I for select '
                       || 'using (current_setting(''app.notification_worker'', true) = ''on'')', t);
        execute format('create policy worker_update on %I for update '
                       || 'using (current_setting(''app.notification_worker'', true) = ''on'') '
                       || 'with check (current_setting(''app.notification_worker'', true) = ''on'')', t);
    end loop;
end $$;
grant select, insert on events, notifications to ${app_role};
grant select, insert, delete on notification_reads to ${app_role};
grant select, insert, update on recipients, mail_messages, webhook_deliveries to ${app_role};
grant select, insert, update, delete on webhook_subscriptions to ${app_role};
grant delete on webhook_deliveries to ${app_role};
