package io.bpo.knowledge.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.bpo.kit.http.Cursor;
import io.bpo.kit.http.ETags;
import io.bpo.kit.http.Page;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Articles of the tenant bound to the request and their workflow. Every load goes through a tenant-filtered query
 * (never {@code findById}/{@code getReference} on an id from the request), so another client's id is simply not
 * found. Reads are transactional too: the transaction is what carries the tenant to PostgreSQL's row-level security.
 */
@ApplicationScoped
@Transactional
public class ArticleService {
    private static final String VERSION_COLUMNS = "article_id, number, type, title, body, language, tags,"
            + " classification, requires_reack, author_name, reviewed_by, published_at";

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
            article.persistAndFlush();
            Log.infof("Article %s (%s) created for client %s by %s", article.id, article.type, tenant.require(),
                    caller.userName());
            return ArticleView.of(article);
        });
    }

    public ArticleView get(UUID id) {
        return ArticleView.of(find(id));
    }

    /** Rewrites a draft (a published article changes only through a revision). */
    public ArticleView update(UUID id, long expectedVersion, NewArticle content) {
        Article article = find(id);
        ETags.checkVersion(expectedVersion, article.version);
        if (article.status != ArticleStatus.DRAFT) {
            throw illegal(article, "edited", article.status == ArticleStatus.PUBLISHED
                    ? "start a revision (POST .../revisions) to change a published article" : "only a draft can be edited");
        }
        article.write(content);
        article.reviewComment = null;
        em.flush();
        return ArticleView.of(article);
    }

    /** DRAFT → IN_REVIEW. */
    public ArticleView submit(UUID id) {
        Article article = find(id);
        if (article.status != ArticleStatus.DRAFT) {
            throw illegal(article, "submitted for review", "only a draft can be submitted");
        }
        article.status = ArticleStatus.IN_REVIEW;
        article.submittedBy = caller.userName();
        em.flush();
        return ArticleView.of(article);
    }

    /** IN_REVIEW → DRAFT, with the reviewer's comment. */
    public ArticleView sendBack(UUID id, String comment) {
        Article article = find(id);
        if (article.status != ArticleStatus.IN_REVIEW) {
            throw illegal(article, "sent back", "only an article in review can be sent back");
        }
        article.status = ArticleStatus.DRAFT;
        article.reviewComment = comment;
        em.flush();
        return ArticleView.of(article);
    }

    /**
     * IN_REVIEW → PUBLISHED by a reviewer who is not the author, freezing a new version. A revision's content replaces
     * its published article's (which keeps its id and history) and the revision row goes away.
     */
    public ArticleView publish(UUID id) {
        Article reviewed = find(id);
        if (reviewed.status != ArticleStatus.IN_REVIEW) {
            throw illegal(reviewed, "published", "only an article in review can be published");
        }
        if (reviewed.authorSubject.equals(caller.subject()) || reviewed.authorName.equals(caller.userName())) {
            throw ApiException.forbidden("self-review",
                    "The author of an article cannot publish it: another reviewer must");
        }
        if (!reviewed.reviewers.isEmpty() && !reviewed.reviewers.contains(caller.userName())) {
            throw ApiException.forbidden("not-a-reviewer",
                    "Only the article's reviewers may publish it: " + String.join(", ", reviewed.reviewers));
        }
        Article target = reviewed;
        if (reviewed.revisionOf != null) {
            target = locked(reviewed.revisionOf);
            target.takeContentOf(reviewed);
            reviewed.delete();
            em.flush();
        }
        int number = (target.publishedVersion == null ? 0 : target.publishedVersion) + 1;
        boolean reack = number == 1 || target.requiresReacknowledgement;
        target.publish(number);
        target.requiresReacknowledgement = false;
        target.submittedBy = null;
        target.reviewComment = null;
        em.flush();
        em.createNativeQuery("insert into article_versions (tenant_id, " + VERSION_COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, string_to_array(?, ' '), ?, ?, ?, ?, ?)")
                .setParameter(1, tenant.require()).setParameter(2, target.id).setParameter(3, number)
                .setParameter(4, target.type.name()).setParameter(5, target.title).setParameter(6, target.body)
                .setParameter(7, target.language).setParameter(8, String.join(" ", target.tags))
                .setParameter(9, target.classification.name()).setParameter(10, reack)
                .setParameter(11, reviewed.authorName).setParameter(12, caller.userName())
                .setParameter(13, Timestamp.from(target.publishedAt))
                .executeUpdate();
        Log.infof("Article %s version %d published for client %s by %s (re-acknowledgement %s)", target.id, number,
                tenant.require(), caller.userName(), reack);
        return ArticleView.of(target);
    }

    /** PUBLISHED → ARCHIVED: no longer served to agents; its versions stay readable to managers. */
    public ArticleView archive(UUID id) {
        Article article = find(id);
        if (article.status != ArticleStatus.PUBLISHED) {
            throw illegal(article, "archived", "only a published article can be archived");
        }
        if (pendingRevision(article.id) != null) {
            throw ApiException.conflict("revision-pending",
                    "Article " + id + " has a revision in progress: publish or delete it first");
        }
        article.status = ArticleStatus.ARCHIVED;
        em.flush();
        return ArticleView.of(article);
    }

    /** A new draft from a published article, which keeps serving its published version meanwhile. */
    public ArticleView startRevision(UUID id) {
        Article published = locked(id);
        if (published.status != ArticleStatus.PUBLISHED) {
            throw illegal(published, "revised", "only a published article can be revised");
        }
        Article existing = pendingRevision(published.id);
        if (existing != null) {
            throw ApiException.conflict("revision-pending",
                    "Article " + id + " already has a revision in progress: " + existing.id);
        }
        Article revision = Article.revisionOf(published, caller.subject(), caller.userName());
        revision.persistAndFlush();
        return ArticleView.of(revision);
    }

    /** Deletes a draft revision that will not be published (the published article is untouched). */
    public void discardRevision(UUID id) {
        Article article = find(id);
        if (article.revisionOf == null || article.status != ArticleStatus.DRAFT) {
            throw ApiException.conflict("not-a-draft-revision",
                    "Only a revision in DRAFT can be discarded; article " + id + " is " + article.status
                            + (article.revisionOf == null ? " and not a revision" : ""));
        }
        article.delete();
    }

    public List<ArticleVersionView> versions(UUID id) {
        Article article = find(id);
        return readVersions(article.id, null);
    }

    public ArticleVersionView version(UUID id, int number) {
        Article article = find(id);
        List<ArticleVersionView> found = readVersions(article.id, number);
        if (found.isEmpty()) {
            throw ApiException.notFound("Version", number + " of article " + id);
        }
        return found.get(0);
    }

    public ArticleDiff diff(UUID id, int from, int to) {
        ArticleVersionView a = version(id, from);
        ArticleVersionView b = version(id, to);
        List<ArticleDiff.FieldChange> fields = new ArrayList<>();
        compare(fields, "type", a.type(), b.type());
        compare(fields, "title", a.title(), b.title());
        compare(fields, "language", a.language(), b.language());
        compare(fields, "tags", a.tags(), b.tags());
        compare(fields, "classification", a.classification(), b.classification());
        List<String> before = Arrays.asList(a.body().split("\n", -1));
        List<String> after = Arrays.asList(b.body().split("\n", -1));
        String body = before.equals(after) ? "" : String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(
                "v" + from, "v" + to, before, DiffUtils.diff(before, after), 3));
        return new ArticleDiff(from, to, fields, body);
    }

    /** Published articles past their review-by date that the caller may read, grouped by owner (owner, then date). */
    public List<OwnerOverdue> overdue(String owner) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder(ArticleSummary.SELECT).append(" from Article a where ")
                .append(visibility.jpql(parameters))
                .append(" and a.status = :published and a.reviewBy < :today");
        parameters.put("published", ArticleStatus.PUBLISHED);
        parameters.put("today", LocalDate.now(ZoneOffset.UTC));
        if (owner != null) {
            jpql.append(" and a.ownerName = :owner");
            parameters.put("owner", owner);
        }
        jpql.append(" order by a.ownerName, a.reviewBy, a.id");
        TypedQuery<ArticleSummary> query = em.createQuery(jpql.toString(), ArticleSummary.class);
        parameters.forEach(query::setParameter);
        Map<String, List<ArticleSummary>> byOwner = new LinkedHashMap<>();
        for (ArticleSummary summary : query.setMaxResults(1000).getResultList()) {
            byOwner.computeIfAbsent(summary.owner(), o -> new ArrayList<>()).add(summary);
        }
        return byOwner.entrySet().stream().map(e -> new OwnerOverdue(e.getKey(), e.getValue())).toList();
    }

    public Page<ArticleSummary> list(ArticleFilter filter, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder(ArticleSummary.SELECT)
                .append(" from Article a where ").append(visibility.jpql(parameters));
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

    /** An article the caller may read, loaded through a tenant-filtered query; otherwise 404. */
    public Article find(UUID id) {
        return findReadable(id).orElseThrow(() -> ApiException.notFound("Article", id));
    }

    /** The same without failing (an exception through a transactional call would doom the caller's transaction). */
    public Optional<Article> findReadable(UUID id) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Article> query = em.createQuery("select a from Article a where a.id = :articleId and "
                + visibility.jpql(parameters), Article.class);
        parameters.forEach(query::setParameter);
        return query.setParameter("articleId", id).getResultStream().findFirst();
    }

    /** The same, locked for update: two reviewers publishing revisions of one article take turns. */
    private Article locked(UUID id) {
        Article article = find(id);
        em.lock(article, LockModeType.PESSIMISTIC_WRITE);
        return article;
    }

    private Article pendingRevision(UUID articleId) {
        return Article.<Article>find("revisionOf = ?1", articleId).firstResult();
    }

    @SuppressWarnings("unchecked")
    private List<ArticleVersionView> readVersions(UUID articleId, Integer number) {
        var query = em.createNativeQuery("select " + VERSION_COLUMNS.replace("tags", "array_to_string(tags, ' ')")
                + " from article_versions where tenant_id = ?1 and article_id = ?2"
                + (number == null ? "" : " and number = ?3") + " order by number");
        query.setParameter(1, tenant.require()).setParameter(2, articleId);
        if (number != null) {
            query.setParameter(3, number);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new ArticleVersionView((UUID) r[0], ((Number) r[1]).intValue(),
                ArticleType.valueOf((String) r[2]), (String) r[3], (String) r[4], (String) r[5],
                ((String) r[6]).isEmpty() ? List.of() : List.of(((String) r[6]).split(" ")),
                Classification.valueOf((String) r[7]), (Boolean) r[8], (String) r[9], (String) r[10],
                toInstant(r[11]))).toList();
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static void compare(List<ArticleDiff.FieldChange> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(new ArticleDiff.FieldChange(field, from, to));
        }
    }

    private static ApiException illegal(Article article, String action, String rule) {
        return new ApiException(409, "illegal-transition", "Conflict",
                "Article " + article.id + " is " + article.status + " and cannot be " + action + ": " + rule);
    }

    /** The overdue articles of one owner. */
    public record OwnerOverdue(String owner, List<ArticleSummary> articles) {
    }
}
