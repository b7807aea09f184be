-- Knowledge articles. Runs as the owner role; the application role ${app_role} gets only DML.
-- Isolation layer 3: every tenant-owned table leads with tenant_id and is guarded by row-level security on the
-- transaction-local setting app.tenant_id, forced even for the owner. There is no clients table here: the registry
-- lives in contracts-service, and the token/path check of the service admits a tenant.

-- Lets the tag index lead with tenant_id like every other index (a trusted extension: the database owner may create it).
create extension if not exists btree_gin;

create table articles (
    tenant_id      text        not null check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    id             uuid        not null,
    type           text        not null check (type in ('PROCEDURE', 'FAQ', 'MANUAL', 'GUIDE', 'POLICY', 'WIKI_PAGE')),
    title          text        not null check (char_length(title) between 1 and 200),
    body           text        not null check (char_length(body) <= 200000),
    language       text        not null check (language ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$'),
    tags           text[]      not null default '{}'
                               check (cardinality(tags) <= 20 and array_position(tags, null) is null
                                      and (cardinality(tags) = 0 or array_to_string(tags, ' ')
                                           ~ '^[a-z0-9][a-z0-9-]{0,49}( [a-z0-9][a-z0-9-]{0,49})*$')),
    classification text        not null check (classification in ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED')),
    status         text        not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    author_subject text        not null,
    author_name    text        not null,
    published_at   timestamptz,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    primary key (tenant_id, id),
    check (status <> 'PUBLISHED' or published_at is not null)
);
create index articles_by_creation on articles (tenant_id, created_at, id);
-- agents list only published articles
create index articles_by_status on articles (tenant_id, status, created_at, id);
create index articles_by_tag on articles using gin (tenant_id, tags);

alter table articles enable row level security;
alter table articles force row level security;
create policy tenant_isolation on articles
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));


grant select, insert, update, delete on articles to ${app_role};
