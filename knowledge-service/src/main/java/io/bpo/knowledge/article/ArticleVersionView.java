package io.bpo.knowledge.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published version as it was frozen: never changed afterwards. */
@Schema(name = "ArticleVersion")
public record ArticleVersionView(UUID articleId, int number, ArticleType type, String title, String body,
        String language, List<String> tags, Classification classification,
        @Schema(description = "Agents had to acknowledge this version again (always true for version 1)")
        boolean requiresReacknowledgement,
        String authorName,
        @Schema(description = "Who reviewed and published it; never its author") String reviewedBy,
        Instant publishedAt) {
}
