package io.bpo.knowledge.acknowledgement;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which assigned agents have acknowledged an article's current version. */
@Schema(name = "ArticleCoverage")
public record ArticleCoverage(UUID articleId, String title,
        @Schema(description = "The version readers are served") int currentVersion,
        @Schema(description = "The latest version that required (re-)acknowledgement: acknowledgements of it or of a"
                + " later version count") int baselineVersion,
        @Schema(description = "Agents on the client's roster") int assigned,
        @Schema(description = "Roster agents who acknowledged the baseline version or a later one") List<String> acknowledged,
        @Schema(description = "Roster agents who have not") List<String> missing,
        @Schema(description = "acknowledged / assigned; 0 when nobody is assigned", example = "0.5") double coverage) {
}
