-- Article workflow, immutable published versions, restricted visibility, freshness and full-text search.
-- Runs as the owner role; ${app_role} gets only the DML it needs. decisions 0009 (revisions and versions) and 0010
-- (search configurations).

-- Accents ignored in search: unaccent is a trusted extension (PostgreSQL 13+), so the database owner may create it.
create extension if not exists unaccent;

-- One text-search configuration per supported language, each folding accents before stemming, so "facturé"
-- and "facturation" meet at the same stem. Any other language is indexed without stemming ("simple").
create text search configuration knowledge_fr (copy = pg_catalog.french);
alter text search configuration knowledge_fr
    alter mapping for hword, hword_part, word with public.unaccent, french_stem;
create text search configuration knowledge_en (copy = pg_catalog.english);
alter text search configuration knowledge_en
    alter mapping for hword, hword_part, word with public.unaccent, english_stem;
create text search configuration knowledge_simple (copy = pg_catalog.simple);
alter text search configuration knowledge_simple
    alter mapping for hword, hword_part, word with public.unaccent, simple;

-- The configuration of a BCP-47 tag (stored canonical, e.g. fr, fr-CA, en-GB). Immutable: it only reads its argument,
-- which lets a stored generated column use it.
create function knowledge_ts_config(language text) returns regconfig
    language sql immutable parallel safe
    return case
        when language = 'fr' or language like 'fr-%' then 'public.knowledge_fr'::regconfig
        when language = 'en' or language like 'en-%' then 'public.knowledge_en'::regconfig
        else 'public.knowledge_simple'::regconfig
    end;

-- The indexed text of an article: title (weight A), tags (B), body (C). Immutable for the same reason.
create function knowledge_document(language text, title text, tags text[], body text) returns tsvector
    language sql immutable parallel safe
    return setweight(to_tsvector(knowledge_ts_config(language), title), 'A')
        || setweight(to_tsvector(knowledge_ts_config(language), array_to_string(tags, ' ')), 'B')
        || setweight(to_tsvector(knowledge_ts_config(language), left(body, 100000)), 'C');

-- Articles: who owns and reviews them, who may read a RESTRICTED one, when they must be reviewed again, which
-- published version serves, and for a revision (a new draft started from a published article) which article it
-- revises. Creation as PUBLISHED is no longer offered: publication always goes through review.
alter table articles
    add column owner_name            text,
    add column reviewers             text[]  not null default '{}' check (cardinality(reviewers) <= 20),
    add column allowed_roles         text[]  not null default '{}' check (cardinality(allowed_roles) <= 20),
    add column allowed_users         text[]  not null default '{}' check (cardinality(allowed_users) <= 50),
    add column review_by             date,
    add column requires_reack        boolean not null default false,
    add column revision_of           uuid,
    add column published_version     integer check (published_version > 0),
    add column submitted_by          text,
    add column review_comment        text    check (char_length(review_comment) <= 2000),
    add column search_vector         tsvector generated always as (knowledge_document(language, title, tags, body)) stored;
-- Existing rows of every tenant are backfilled: row-level security is forced on the owner too, so it is lifted
-- for the owner for the length of this migration (one transaction) and forced again below.
alter table articles no force row level security;
update articles set owner_name = author_name, published_version = case when status in ('PUBLISHED', 'ARCHIVED') then 1 end;
alter table articles alter column owner_name set not null;
alter table articles add constraint articles_revision_of foreign key (tenant_id, revision_of) references articles (tenant_id, id);
-- at most one pending revision per published article
create unique index articles_one_revision on articles (tenant_id, revision_of) where revision_of is not null;
-- search: tenant first (btree_gin), then the document
create index articles_search on articles using gin (tenant_id, search_vector);
-- freshness: published articles due for review, per owner
create index articles_by_review on articles (tenant_id, review_by) where status = 'PUBLISHED' and review_by is not null;

-- Every publication freezes a version: never updated nor deleted (the app role may only insert and read them).
create table article_versions (
    tenant_id       text        not null,
    article_id      uuid        not null,
    number          integer     not null check (number > 0),
    type            text        not null,
    title           text        not null,
    body            text        not null,
    language        text        not null,
    tags            text[]      not null,
    classification  text        not null,
    requires_reack  boolean     not null,
    author_name     text        not null,
    reviewed_by     text        not null,
    published_at    timestamptz not null,
    primary key (tenant_id, article_id, number),
    foreign key (tenant_id, article_id) references articles (tenant_id, id),
    check (author_name <> reviewed_by)
);
-- versions published before this migration (created PUBLISHED, no review existed then)
insert into article_versions (tenant_id, article_id, number, type, title, body, language, tags, classification,
                              requires_reack, author_name, reviewed_by, published_at)
select tenant_id, id, 1, type, title, body, language, tags, classification, true, author_name, '(before review)',
       coalesce(published_at, created_at)
from articles where published_version = 1;
alter table articles force row level security;

create function article_versions_are_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'published article versions are immutable' using errcode = 'raise_exception';
end $$;
create trigger article_versions_immutable before update or delete on article_versions
    for each row execute function article_versions_are_immutable();

alter table article_versions enable row level security;
alter table article_versions force row level security;
create policy tenant_isolation on article_versions
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert on article_versions to ${app_role};
