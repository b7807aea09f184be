package io.bpo.reporting.sla;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One logged recompute of a statement")
public record RecomputationView(UUID id, @Schema(example = "carol") String requestedBy, Instant requestedAt,
        @Schema(example = "Late records of March 30 received on April 3") String reason,
        @Schema(description = "Status before the recompute") String statusBefore, String beforeHash,
        String afterHash, @Schema(description = "Whether the numbers changed") boolean changed,
        MonthCompliance before, MonthCompliance after) {

    static RecomputationView of(StatementRecomputation r) {
        return new RecomputationView(r.id, r.requestedBy, r.requestedAt, r.reason, r.statusBefore, r.beforeHash,
                r.afterHash, !r.beforeHash.equals(r.afterHash), CanonicalJson.read(r.beforeContent,
                        MonthCompliance.class), CanonicalJson.read(r.afterContent, MonthCompliance.class));
    }
}
