package io.bpo.knowledge.article;

import io.bpo.kit.http.Cursor;
import io.bpo.kit.http.Page;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Articles of the tenant bound to the request. Every load goes through a tenant-filtered query (never
 * {@code findById}/{@code getReference} on an id from the request), so another client's id is simply not found.
 * Reads are transactional too: the transaction is what carries the tenant to PostgreSQL's row-level security.
 */
@ApplicationScoped
@Transactional
public class ArticleService {
    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ArticleVisibility visibility;

    @Inject
    Idempotency idempotency;

    @Inject
    EntityManager em;

    public Idempotency.Outcome<ArticleView> create(NewArticle request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "article.create", request, ArticleView.class, () -> {
            Article article = Article.draft(request, caller.subject(), caller.userName());
            if (request.status() == ArticleStatus.PUBLISHED) {
                article.publish();
            }
            article.persistAndFlush();
            Log.infof("Article %s (%s, %s) created for client %s by %s", article.id, article.type, article.status,
                    tenant.require(), caller.userName());
            return ArticleView.of(article);
        });
    }

    public ArticleView get(UUID id) {
        return ArticleView.of(find(id));
    }

    public Page<ArticleSummary> list(ArticleFilter filter, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder(ArticleSummary.SELECT)
                .append(" from Article a where a.status in :readable");
        parameters.put("readable", visibility.readableStatuses());
        if (filter.type() != null) {
            jpql.append(" and a.type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.status() != null) {
            jpql.append(" and a.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.language() != null) {
            jpql.append(" and a.language = :language");
            parameters.put("language", filter.language());
        }
        if (filter.tag() != null) {
            jpql.append(" and array_contains(a.tags, :tag)");
            parameters.put("tag", filter.tag());
        }
        if (filter.classification() != null) {
            jpql.append(" and a.classification = :classification");
            parameters.put("classification", filter.classification());
        }
        if (after != null) {
            jpql.append(" and (a.createdAt > :at or (a.createdAt = :at and a.id > :id))");
            parameters.put("at", after.createdAt());
            parameters.put("id", after.id());
        }
        jpql.append(" order by a.createdAt, a.id");
        TypedQuery<ArticleSummary> query = em.createQuery(jpql.toString(), ArticleSummary.class);
        parameters.forEach(query::setParameter);
        List<ArticleSummary> rows = query.setMaxResults(limit + 1).getResultList();
        String next = null;
        if (rows.size() > limit) {
            ArticleSummary last = rows.get(limit - 1);
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        return new Page<>(rows.stream().limit(limit).toList(), next);
    }

    private Article find(UUID id) {
        return Article.<Article>find("id = ?1 and status in ?2", id, visibility.readableStatuses())
                .firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Article", id));
    }
}
