package io.bpo.knowledge.article;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A piece of knowledge a client transfers to the provider. Later issues add review, immutable published versions,
 * search and acknowledgements around it; the status and publishedAt already carry the workflow's state.
 */
@Entity
@Table(name = "articles")
public class Article extends TenantOwnedEntity {
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public ArticleType type;

    @Column(name = "title", nullable = false)
    public String title;

    @Column(name = "body", nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "language", nullable = false)
    public String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tags", nullable = false, columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "classification", nullable = false)
    public Classification classification;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public ArticleStatus status;

    @Column(name = "author_subject", nullable = false, updatable = false)
    public String authorSubject;

    @Column(name = "author_name", nullable = false, updatable = false)
    public String authorName;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** A new draft written by the caller; {@link #publish()} when it was created PUBLISHED. */
    static Article draft(NewArticle content, String authorSubject, String authorName) {
        Article article = new Article();
        article.type = content.type();
        article.title = content.title();
        article.body = content.body();
        article.language = Languages.canonical(content.language());
        article.tags = new ArrayList<>(Tags.normalise(content.tags()));
        article.classification = content.classification();
        article.authorSubject = authorSubject;
        article.authorName = authorName;
        article.status = ArticleStatus.DRAFT;
        return article;
    }

    void publish() {
        status = ArticleStatus.PUBLISHED;
        // PostgreSQL keeps microseconds: truncating keeps the entity equal to what a later read returns.
        publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
