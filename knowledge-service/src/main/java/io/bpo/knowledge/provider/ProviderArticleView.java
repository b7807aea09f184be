package io.bpo.knowledge.provider;

import io.bpo.knowledge.article.ArticleType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider-space article (the provider's own methods), readable by provider staff of every client. */
@Schema(name = "ProviderArticle")
public record ProviderArticleView(UUID id, ArticleType type, String title, String body, String language,
        List<String> tags, ProviderArticle.Status status, String authorName, String publishedBy, Instant publishedAt,
        long version, Instant createdAt, Instant updatedAt) {

    static ProviderArticleView of(ProviderArticle a) {
        return new ProviderArticleView(a.id, a.type, a.title, a.body, a.language, List.copyOf(a.tags), a.status,
                a.authorName, a.publishedBy, a.publishedAt, a.version, a.createdAt, a.updatedAt);
    }
}
