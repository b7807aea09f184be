package io.bpo.knowledge.provider;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.security.Roles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The provider-wide knowledge space. Every transaction first declares to PostgreSQL that a provider-staff caller acts
 * ({@code app.provider_staff}, transaction-local), which the table's policy requires; the declaration is made only
 * after the role check, so a client user's transaction can neither read nor write the table even through native SQL.
 */
@ApplicationScoped
@Transactional
public class ProviderSpaceService {
    static final Set<String> STAFF = Set.of(Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.PROVIDER_ADMIN);
    static final Set<String> EDITORS = Set.of(Roles.ACCOUNT_MANAGER, Roles.PROVIDER_ADMIN);

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    public ProviderArticleView create(NewProviderArticle content) {
        enter();
        ProviderArticle article = new ProviderArticle();
        article.type = content.type();
        article.title = content.title();
        article.body = content.body();
        article.language = new Locale.Builder().setLanguageTag(content.language()).build().toLanguageTag();
        article.tags = content.tags() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(content.tags()));
        article.status = ProviderArticle.Status.DRAFT;
        article.authorSubject = caller.subject();
        article.authorName = caller.userName();
        article.persistAndFlush();
        return ProviderArticleView.of(article);
    }

    public ProviderArticleView get(UUID id) {
        return ProviderArticleView.of(find(id));
    }

    public List<ProviderArticleView> list() {
        enter();
        String jpql = "from ProviderArticle p" + (mayEdit() ? "" : " where p.status = 'PUBLISHED'")
                + " order by p.createdAt, p.id";
        return ProviderArticle.<ProviderArticle>find(jpql).page(0, 200).list().stream()
                .map(ProviderArticleView::of).toList();
    }

    public ProviderArticleView publish(UUID id) {
        ProviderArticle article = find(id);
        if (article.status != ProviderArticle.Status.DRAFT) {
            throw new ApiException(409, "illegal-transition", "Conflict",
                    "Provider article " + id + " is " + article.status + ": only a draft can be published");
        }
        if (article.authorSubject.equals(caller.subject())) {
            throw ApiException.forbidden("self-review", "The author of an article cannot publish it: another reviewer must");
        }
        article.status = ProviderArticle.Status.PUBLISHED;
        article.publishedBy = caller.userName();
        article.publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.flush();
        Log.infof("Provider article %s published by %s", id, caller.userName());
        return ProviderArticleView.of(article);
    }

    private ProviderArticle find(UUID id) {
        enter();
        ProviderArticle article = ProviderArticle.<ProviderArticle>find("id", id).firstResult();
        if (article == null || (article.status != ProviderArticle.Status.PUBLISHED && !mayEdit())) {
            throw ApiException.notFound("Provider article", id);
        }
        return article;
    }

    private boolean mayEdit() {
        return EDITORS.stream().anyMatch(caller::hasRole);
    }

    /** Declares the provider-staff caller to the database for this transaction only. */
    private void enter() {
        if (STAFF.stream().noneMatch(caller::hasRole)) {
            throw ApiException.forbidden("role-forbidden", "Only provider staff read the provider's knowledge");
        }
        em.createNativeQuery("select set_config('app.provider_staff', 'on', true)").getSingleResult();
    }
}
