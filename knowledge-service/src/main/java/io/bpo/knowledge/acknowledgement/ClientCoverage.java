package io.bpo.knowledge.acknowledgement;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Acknowledgement coverage over every published article of the client that the caller may read. */
@Schema(name = "ClientCoverage")
public record ClientCoverage(String clientId, int assigned,
        @Schema(description = "Acknowledged (agent, article) pairs over expected pairs; 1 when nothing is expected",
                example = "0.75") double coverage,
        @Schema(description = "Articles fully acknowledged by every assigned agent") int fullyCovered,
        List<Line> articles) {

    @Schema(name = "ArticleCoverageLine")
    public record Line(UUID articleId, String title, int currentVersion, int baselineVersion, int acknowledged,
            double coverage) {
    }
}
