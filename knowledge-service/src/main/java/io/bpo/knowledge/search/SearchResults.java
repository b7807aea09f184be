package io.bpo.knowledge.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of search results. */
@Schema(name = "SearchResults")
public record SearchResults(List<SearchHit> items,
        @Schema(description = "1-based page number", example = "1") int page,
        @Schema(example = "10") int size,
        @Schema(description = "Whether a next page exists") boolean hasMore) {
}
