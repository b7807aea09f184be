-- Knowledge-transfer plans per contract (phases, tasks, go-live sign-off) and questions on articles.
-- Runs as the owner role; ${app_role} gets only the DML it needs.

create table transfer_plans (
    tenant_id             text        not null,
    id                    uuid        not null,
    contract_id           text        not null check (char_length(contract_id) between 1 and 100),
    title                 text        not null check (char_length(title) between 1 and 200),
    status                text        not null check (status in ('IN_PROGRESS', 'LIVE')),
    client_signoff_by     text,
    client_signoff_at     timestamptz,
    provider_signoff_by   text,
    provider_signoff_at   timestamptz,
    live_at               timestamptz,
    version               bigint      not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    primary key (tenant_id, id),
    check (status <> 'LIVE' or (client_signoff_at is not null and provider_signoff_at is not null))
);
create index transfer_plans_by_contract on transfer_plans (tenant_id, contract_id, created_at);

create table transfer_tasks (
    tenant_id    text        not null,
    id           uuid        not null,
    plan_id      uuid        not null,
    phase        text        not null check (phase in ('DISCOVERY', 'DOCUMENTATION', 'TRAINING', 'SHADOWING',
                                                      'REVERSE_SHADOWING', 'GO_LIVE', 'STABILISATION')),
    title        text        not null check (char_length(title) between 1 and 200),
    owner_side   text        not null check (owner_side in ('CLIENT', 'PROVIDER')),
    assignee     text,
    due_date     date,
    status       text        not null check (status in ('TODO', 'IN_PROGRESS', 'DONE')),
    article_ids  uuid[]      not null default '{}' check (cardinality(article_ids) <= 50),
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_id) references transfer_plans (tenant_id, id)
);
create index transfer_tasks_by_plan on transfer_tasks (tenant_id, plan_id, phase, created_at);
create index transfer_tasks_by_due on transfer_tasks (tenant_id, due_date) where status <> 'DONE';

-- Knowledge flows both ways: agents ask, the client answers, an answer may become a FAQ article.
create table questions (
    tenant_id       text        not null,
    id              uuid        not null,
    article_id      uuid        not null,
    text            text        not null check (char_length(text) between 1 and 4000),
    asked_by        text        not null,
    status          text        not null check (status in ('OPEN', 'ANSWERED')),
    answer          text        check (char_length(answer) <= 20000),
    answered_by     text,
    answered_at     timestamptz,
    faq_article_id  uuid,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, article_id) references articles (tenant_id, id),
    check (status <> 'ANSWERED' or (answer is not null and answered_by is not null))
);
create index questions_by_article on questions (tenant_id, article_id, created_at);
create index questions_by_status on questions (tenant_id, status, created_at);

alter table transfer_plans enable row level security;
alter table transfer_plans force row level security;
create policy tenant_isolation on transfer_plans
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table transfer_tasks enable row level security;
alter table transfer_tasks force row level security;
create policy tenant_isolation on transfer_tasks
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table questions enable row level security;
alter table questions force row level security;
create policy tenant_isolation on questions
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert, update on transfer_plans to ${app_role};
grant select, insert, update on transfer_tasks to ${app_role};
grant select, insert, update on questions to ${app_role};
