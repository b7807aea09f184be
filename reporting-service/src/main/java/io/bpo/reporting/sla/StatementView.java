package io.bpo.reporting.sla;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A monthly statement as the API shows it. */
@Schema(description = "A monthly SLA statement: content, hash, acceptances and late-record state")
public record StatementView(
        UUID id,
        UUID contractId,
        @Schema(example = "2026-03") String month,
        @Schema(description = "OPEN until both parties accepted, then FROZEN") SlaStatement.State status,
        @Schema(description = "SHA-256 (hex) of the UTF-8 bytes of the canonical content",
                example = "9f2c0b1e5d4a3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a49") String contentHash,
        Instant computedAt,
        Acceptance provider,
        Acceptance client,
        Instant frozenAt,
        @Schema(description = "Records of the month ingested after computedAt: they change nothing until an "
                + "explicit recompute") boolean lateRecordsPending,
        Instant lastIngestedAt,
        @Schema(description = "The month's compliance as it was computed (canonical JSON, hashed)")
        MonthCompliance content) {

    @Schema(description = "One party's acceptance")
    public record Acceptance(@Schema(example = "carol") String by, Instant at) {
    }
}
