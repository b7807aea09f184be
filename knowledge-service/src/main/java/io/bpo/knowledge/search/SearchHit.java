package io.bpo.knowledge.search;

import io.bpo.knowledge.article.ArticleStatus;
import io.bpo.knowledge.article.ArticleType;
import io.bpo.knowledge.article.Classification;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article matching a search, best first. */
@Schema(name = "SearchHit")
public record SearchHit(UUID id, ArticleType type, String title, String language, List<String> tags,
        Classification classification, ArticleStatus status, Integer publishedVersion,
        @Schema(description = "ts_rank of the match (title weighs more than tags, tags more than body)", example = "0.61")
        double rank,
        @Schema(description = "A passage of the body (15-35 words), HTML-safe: the body's text is escaped (it is"
                + " Markdown written by the client) and the matched words are between <mark> and </mark>",
                example = "...contester une <mark>facturation</mark> : ouvrir un dossier...")
        String snippet) {
}
