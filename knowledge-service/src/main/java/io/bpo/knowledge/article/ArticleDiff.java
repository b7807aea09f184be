package io.bpo.knowledge.article;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed between two versions of an article: the fields whose value differs, and the body as a unified diff. */
@Schema(name = "ArticleDiff")
public record ArticleDiff(int from, int to, List<FieldChange> fields,
        @Schema(description = "Unified diff of the Markdown body (3 lines of context); empty when unchanged",
                example = "--- v1\n+++ v2\n@@ -1,2 +1,2 @@\n ## Steps\n-1. Greet.\n+1. Greet the customer.")
        String body) {

    public record FieldChange(String field, Object from, Object to) {
    }
}
