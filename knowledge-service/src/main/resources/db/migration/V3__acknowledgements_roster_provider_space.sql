-- Acknowledgements of published versions, the roster of agents assigned to each client, and the provider's own
-- knowledge space. Runs as the owner role; ${app_role} gets only the DML it needs.

-- Agents assigned to a client, kept by its account managers: the population acknowledgement coverage is counted over.
create table agent_roster (
    tenant_id   text        not null,
    user_name   text        not null check (user_name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$'),
    added_by    text        not null,
    added_at    timestamptz not null,
    primary key (tenant_id, user_name)
);

-- "Read and understood": one row per agent and published version; never changed afterwards.
create table acknowledgements (
    tenant_id       text        not null,
    article_id      uuid        not null,
    version_number  integer     not null,
    agent_name      text        not null,
    agent_subject   text        not null,
    acknowledged_at timestamptz not null,
    primary key (tenant_id, article_id, agent_name, version_number),
    foreign key (tenant_id, article_id, version_number) references article_versions (tenant_id, article_id, number)
);
create index acknowledgements_by_agent on acknowledgements (tenant_id, agent_name);

alter table agent_roster enable row level security;
alter table agent_roster force row level security;
create policy tenant_isolation on agent_roster
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table acknowledgements enable row level security;
alter table acknowledgements force row level security;
create policy tenant_isolation on acknowledgements
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert, delete on agent_roster to ${app_role};
grant select, insert on acknowledgements to ${app_role};

-- The provider's own methods: one space shared by every client's provider staff, owned by no client, so it has no
-- tenant_id. Its policy admits only a transaction in which the service declared a provider-staff caller
-- (app.provider_staff, transaction-local like app.tenant_id); a client user's transaction never carries it.
create table provider_articles (
    id             uuid        primary key,
    type           text        not null check (type in ('PROCEDURE', 'FAQ', 'MANUAL', 'GUIDE', 'POLICY', 'WIKI_PAGE')),
    title          text        not null check (char_length(title) between 1 and 200),
    body           text        not null check (char_length(body) <= 200000),
    language       text        not null check (language ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$'),
    tags           text[]      not null default '{}' check (cardinality(tags) <= 20),
    status         text        not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    author_subject text        not null,
    author_name    text        not null,
    published_by   text,
    published_at   timestamptz,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    search_vector  tsvector generated always as (knowledge_document(language, title, tags, body)) stored,
    check (status = 'DRAFT' or published_by is not null)
);
create index provider_articles_by_creation on provider_articles (created_at, id);
create index provider_articles_search on provider_articles using gin (search_vector);

alter table provider_articles enable row level security;
alter table provider_articles force row level security;
create policy provider_staff on provider_articles
    using (current_setting('app.provider_staff', true) = 'on')
    with check (current_setting('app.provider_staff', true) = 'on');

grant select, insert, update on provider_articles to ${app_role};
