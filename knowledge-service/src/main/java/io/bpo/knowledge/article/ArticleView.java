package io.bpo.knowledge.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A whole article, body included: what a single read returns. */
@Schema(name = "Article")
public record ArticleView(UUID id, String clientId, ArticleType type, String title, String body, String language,
        List<String> tags, Classification classification, ArticleStatus status, String authorSubject,
        String authorName, Instant publishedAt, long version, Instant createdAt, Instant updatedAt,
        @Schema(description = "Who keeps it current") String owner,
        @Schema(description = "Who may publish it; empty: any manager other than the author") List<String> reviewers,
        @Schema(description = "RESTRICTED: roles that may read it") List<String> allowedRoles,
        @Schema(description = "RESTRICTED: users that may read it, besides author and owner") List<String> allowedUsers,
        LocalDate reviewBy,
        @Schema(description = "Published and past its review-by date") boolean overdue,
        @Schema(description = "Whether the next publication asks agents to acknowledge again")
        boolean requiresReacknowledgement,
        @Schema(description = "On a revision: the published article it will replace") UUID revisionOf,
        @Schema(description = "Number of the version readers are served; null before the first publication")
        Integer publishedVersion,
        @Schema(description = "Who submitted it for review") String submittedBy,
        @Schema(description = "The reviewer's comment when the review sent it back") String reviewComment) {

    static ArticleView of(Article a) {
        return new ArticleView(a.id, a.tenantId, a.type, a.title, a.body, a.language, List.copyOf(a.tags),
                a.classification, a.status, a.authorSubject, a.authorName, a.publishedAt, a.version, a.createdAt,
                a.updatedAt, a.ownerName, List.copyOf(a.reviewers), List.copyOf(a.allowedRoles),
                List.copyOf(a.allowedUsers), a.reviewBy, a.overdue(LocalDate.now(ZoneOffset.UTC)),
                a.requiresReacknowledgement, a.revisionOf, a.publishedVersion, a.submittedBy, a.reviewComment);
    }
}
