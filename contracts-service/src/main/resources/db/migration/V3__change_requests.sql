-- Change requests: two-party amendments of a running contract's terms. Either party proposes a complete terms
-- document against the latest version (its base); the provider side and the client side each approve or reject once;
-- the second approval applies it as the next contract version in the same transaction. Rows are never deleted: the
-- history of proposals, decisions and who made them is part of the contract's record.

create table change_requests (
    tenant_id                    text        not null,
    id                           uuid        not null,
    contract_id                  uuid        not null,
    status                       text        not null
        check (status in ('PENDING', 'APPLIED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED')),
    raised_by_party              text        not null check (raised_by_party in ('PROVIDER', 'CLIENT')),
    raised_by                    text        not null,
    reason                       text        not null check (length(reason) between 1 and 2000),
    effective_from               date        not null,
    categories                   text[]      not null
        check (cardinality(categories) >= 1
               and categories <@ array['SCOPE', 'SLA', 'PRICING', 'TERM', 'GOVERNANCE']::text[]),
    base_version_number          integer     not null check (base_version_number >= 1),
    proposed_terms               jsonb       not null,
    patch                        jsonb       not null,
    provider_decision            text        check (provider_decision in ('APPROVED', 'REJECTED')),
    provider_decided_by          text,
    provider_decided_at          timestamptz,
    provider_comment             text        check (length(provider_comment) <= 2000),
    client_decision              text        check (client_decision in ('APPROVED', 'REJECTED')),
    client_decided_by            text,
    client_decided_at            timestamptz,
    client_comment               text        check (length(client_comment) <= 2000),
    closed_by                    text,
    closed_at                    timestamptz,
    closing_comment              text        check (length(closing_comment) <= 2000),
    applied_version_number       integer,
    applied_amendment_number     integer,
    superseded_by_version_number integer,
    version                      bigint      not null,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
    check ((provider_decision is null) = (provider_decided_by is null)
           and (provider_decision is null) = (provider_decided_at is null)),
    check ((client_decision is null) = (client_decided_by is null)
           and (client_decision is null) = (client_decided_at is null)),
    check ((status = 'PENDING') = (closed_at is null)),
    -- applied only with both approvals, and then it names the version it produced
    check ((status = 'APPLIED') = (applied_version_number is not null)),
    check (status <> 'APPLIED' or (provider_decision is not distinct from 'APPROVED'
                                   and client_decision is not distinct from 'APPROVED'
                                   and applied_amendment_number is not null)),
    check (status <> 'REJECTED' or provider_decision is not distinct from 'REJECTED'
                                or client_decision is not distinct from 'REJECTED'),
    check ((status = 'SUPERSEDED') = (superseded_by_version_number is not null))
);
create index change_requests_by_contract on change_requests (tenant_id, contract_id, created_at, id);
create index change_requests_by_status on change_requests (tenant_id, contract_id, status, created_at, id);

alter table change_requests enable row level security;
alter table change_requests force row level security;
create policy tenant_isolation on change_requests
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- A version produced by a change request names an existing request of the same client, and a request produces at
-- most one version.
alter table contract_versions
    add constraint contract_versions_change_request_fk
    foreign key (tenant_id, change_request_id) references change_requests (tenant_id, id);
create unique index contract_versions_by_change_request on contract_versions (tenant_id, change_request_id)
    where change_request_id is not null;

-- update: decisions, withdrawal and application move a request's status; no delete
grant select, insert, update on change_requests to ${app_role};
