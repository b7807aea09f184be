-- Monthly SLA statements per contract: the month's compliance, credits and bonuses as one JSON document, accepted
-- by each party (provider: account-manager, client: client-manager) and frozen once both have. A frozen document
-- never changes in place: only an explicit recompute re-opens it, and every recompute is logged with the content
-- before and after. docs/decisions/0014.

create table sla_statements (
    tenant_id            text        not null check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    id                   uuid        not null,
    contract_id          uuid        not null,
    month                date        not null check (extract(day from month) = 1),
    status               text        not null check (status in ('OPEN', 'FROZEN')),
    -- the exact bytes that were hashed (text, not jsonb, which would reformat them)
    content              text        not null,
    content_hash         text        not null check (content_hash ~ '^[0-9a-f]{64}$'),
    computed_at          timestamptz not null,
    -- when the content was last checked against the records (creation or a recompute that changed nothing)
    checked_at           timestamptz not null,
    provider_accepted_by text        check (length(provider_accepted_by) between 1 and 200),
    provider_accepted_at timestamptz,
    client_accepted_by   text        check (length(client_accepted_by) between 1 and 200),
    client_accepted_at   timestamptz,
    frozen_at            timestamptz,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    primary key (tenant_id, id),
    constraint sla_statements_one_per_month unique (tenant_id, contract_id, month),
    constraint sla_statements_frozen_when_both_accepted check (
        (status = 'FROZEN') = (frozen_at is not null)
        and (status = 'OPEN' or (provider_accepted_at is not null and client_accepted_at is not null)))
);

-- A frozen statement is immutable: an update may only re-open it (status back to OPEN, which a recompute does and
-- logs); changing its content, hash or acceptances while it stays frozen is refused, whoever tries.
create function sla_statements_frozen_is_immutable() returns trigger
    language plpgsql set search_path = pg_catalog as $$
begin
    if old.status = 'FROZEN' and new.status = 'FROZEN' and (
            new.content is distinct from old.content or new.content_hash is distinct from old.content_hash
            or new.computed_at is distinct from old.computed_at or new.frozen_at is distinct from old.frozen_at
            or new.provider_accepted_at is distinct from old.provider_accepted_at
            or new.client_accepted_at is distinct from old.client_accepted_at) then
        raise exception 'statement % is frozen', old.id using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger sla_statements_frozen_is_immutable before update on sla_statements
    for each row execute function sla_statements_frozen_is_immutable();

create table sla_statement_recomputations (
    tenant_id      text        not null check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    id             uuid        not null,
    statement_id   uuid        not null,
    requested_by   text        not null check (length(requested_by) between 1 and 200),
    requested_at   timestamptz not null,
    reason         text        not null check (length(reason) between 1 and 1000),
    status_before  text        not null,
    before_hash    text        not null,
    after_hash     text        not null,
    before_content text        not null,
    after_content  text        not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, statement_id) references sla_statements (tenant_id, id)
);
create index sla_statement_recomputations_by_statement
    on sla_statement_recomputations (tenant_id, statement_id, requested_at);

alter table sla_statements enable row level security;
alter table sla_statements force row level security;
create policy tenant_isolation on sla_statements
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table sla_statement_recomputations enable row level security;
alter table sla_statement_recomputations force row level security;
create policy tenant_isolation on sla_statement_recomputations
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- statements are accepted and re-opened (update), never deleted; the recompute log is append-only
grant select, insert, update on sla_statements to ${app_role};
grant select, insert on sla_statement_recomputations to ${app_role};
