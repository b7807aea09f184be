package io.bpo.knowledge.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** An article in a list: everything but the body, which is read only with the article itself (up to 200 000 chars). */
public record ArticleSummary(UUID id, String clientId, ArticleType type, String title, String language,
        List<String> tags, Classification classification, ArticleStatus status, String authorSubject,
        String authorName, Instant publishedAt, long version, Instant createdAt, Instant updatedAt, String owner,
        LocalDate reviewBy, boolean overdue, UUID revisionOf, Integer publishedVersion) {

    /** The JPQL constructor expression that reads a summary without loading the body. */
    static final String SELECT = "select new " + ArticleSummary.class.getName()
            + "(a.id, a.tenantId, a.type, a.title, a.language, a.tags, a.classification, a.status, a.authorSubject,"
            + " a.authorName, a.publishedAt, a.version, a.createdAt, a.updatedAt, a.ownerName, a.reviewBy,"
            + " a.revisionOf, a.publishedVersion)";

    public ArticleSummary(UUID id, String clientId, ArticleType type, String title, String language,
            List<String> tags, Classification classification, ArticleStatus status, String authorSubject,
            String authorName, Instant publishedAt, long version, Instant createdAt, Instant updatedAt, String owner,
            LocalDate reviewBy, UUID revisionOf, Integer publishedVersion) {
        this(id, clientId, type, title, language, tags, classification, status, authorSubject, authorName,
                publishedAt, version, createdAt, updatedAt, owner, reviewBy,
                status == ArticleStatus.PUBLISHED && reviewBy != null
                        && reviewBy.isBefore(LocalDate.now(ZoneOffset.UTC)),
                revisionOf, publishedVersion);
    }

    public ArticleSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
