package io.bpo.knowledge.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A whole article, body included: what a single read returns. */
public record ArticleView(UUID id, String clientId, ArticleType type, String title, String body, String language,
        List<String> tags, Classification classification, ArticleStatus status, String authorSubject,
        String authorName, Instant publishedAt, long version, Instant createdAt, Instant updatedAt) {

    static ArticleView of(Article a) {
        return new ArticleView(a.id, a.tenantId, a.type, a.title, a.body, a.language, List.copyOf(a.tags),
                a.classification, a.status, a.authorSubject, a.authorName, a.publishedAt, a.version, a.createdAt,
                a.updatedAt);
    }
}
