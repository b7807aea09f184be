package io.bpo.knowledge.article;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A piece of knowledge a client transfers to the provider, with its workflow state. A published article's row holds
 * the content readers are served (its current version, also frozen in {@link ArticleVersion}); changing it starts a
 * revision, a separate draft row pointing at it, which replaces the content only once reviewed and published.
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

    /** User name of who answers for keeping the article current; the author unless named otherwise. */
    @Column(name = "owner_name", nullable = false)
    public String ownerName;

    /** User names who may publish it; empty means any client-manager or account-manager other than the author. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reviewers", nullable = false, columnDefinition = "text[]")
    public List<String> reviewers = new ArrayList<>();

    /** For a RESTRICTED article: the roles that may read it... */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_roles", nullable = false, columnDefinition = "text[]")
    public List<String> allowedRoles = new ArrayList<>();

    /** ...and the user names that may, besides its author and owner. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_users", nullable = false, columnDefinition = "text[]")
    public List<String> allowedUsers = new ArrayList<>();

    @Column(name = "review_by")
    public LocalDate reviewBy;

    /** Whether the next publication asks agents to acknowledge it again (copied into the frozen version). */
    @Column(name = "requires_reack", nullable = false)
    public boolean requiresReacknowledgement;

    /** Set on a revision: the published article this draft will replace when it is published. */
    @Column(name = "revision_of", updatable = false)
    public UUID revisionOf;

    /** Number of the version readers are served; null until first published. */
    @Column(name = "published_version")
    public Integer publishedVersion;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "review_comment")
    public String reviewComment;

    /** A new draft written by the caller. */
    static Article draft(NewArticle content, String authorSubject, String authorName) {
        Article article = new Article();
        article.authorSubject = authorSubject;
        article.authorName = authorName;
        article.status = ArticleStatus.DRAFT;
        article.write(content);
        return article;
    }

    /** A new draft of a published article, carrying its current content; the published one keeps serving. */
    static Article revisionOf(Article published, String authorSubject, String authorName) {
        Article revision = new Article();
        revision.authorSubject = authorSubject;
        revision.authorName = authorName;
        revision.status = ArticleStatus.DRAFT;
        revision.revisionOf = published.id;
        revision.type = published.type;
        revision.title = published.title;
        revision.body = published.body;
        revision.language = published.language;
        revision.tags = new ArrayList<>(published.tags);
        revision.classification = published.classification;
        revision.ownerName = published.ownerName;
        revision.reviewers = new ArrayList<>(published.reviewers);
        revision.allowedRoles = new ArrayList<>(published.allowedRoles);
        revision.allowedUsers = new ArrayList<>(published.allowedUsers);
        revision.reviewBy = published.reviewBy;
        revision.publishedVersion = published.publishedVersion;
        return revision;
    }

    /** Replaces the content with what the author wrote; the metadata left out keeps its value or its default. */
    void write(NewArticle content) {
        type = content.type();
        title = content.title();
        body = content.body();
        language = Languages.canonical(content.language());
        tags = new ArrayList<>(Tags.normalise(content.tags()));
        classification = content.classification();
        ownerName = content.owner() != null ? content.owner() : authorName;
        reviewers = new ArrayList<>(Users.normalise(content.reviewers()));
        allowedRoles = new ArrayList<>(Users.normalise(content.allowedRoles()));
        allowedUsers = new ArrayList<>(Users.normalise(content.allowedUsers()));
        reviewBy = content.reviewBy();
        requiresReacknowledgement = Boolean.TRUE.equals(content.requiresReacknowledgement());
    }

    /** Takes the reviewed content of a revision; the article itself keeps its id, author and history. */
    void takeContentOf(Article revision) {
        type = revision.type;
        title = revision.title;
        body = revision.body;
        language = revision.language;
        tags = new ArrayList<>(revision.tags);
        classification = revision.classification;
        ownerName = revision.ownerName;
        reviewers = new ArrayList<>(revision.reviewers);
        allowedRoles = new ArrayList<>(revision.allowedRoles);
        allowedUsers = new ArrayList<>(revision.allowedUsers);
        reviewBy = revision.reviewBy;
        requiresReacknowledgement = revision.requiresReacknowledgement;
    }

    void publish(int number) {
        status = ArticleStatus.PUBLISHED;
        publishedVersion = number;
        // PostgreSQL keeps microseconds: truncating keeps the entity equal to what a later read returns.
        publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Past its review-by date while published: the owner must check it is still right. */
    boolean overdue(LocalDate today) {
        return status == ArticleStatus.PUBLISHED && reviewBy != null && reviewBy.isBefore(today);
    }
}
