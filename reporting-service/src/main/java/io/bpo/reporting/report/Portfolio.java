package io.bpo.reporting.report;

import io.bpo.reporting.sla.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client's running contracts over one month, one line each: what an account manager reviews first. */
@Schema(description = "Every contract of a client over a month, one line each")
public record Portfolio(@Schema(example = "acme") String clientId, @Schema(example = "2026-03") String month,
        List<Line> contracts) {

    @Schema(description = "One contract's month")
    public record Line(UUID contractId, @Schema(example = "ACME-BPO-2026-01") String reference, String title,
            @Schema(example = "ACTIVE") String contractStatus,
            @Schema(description = "BREACHED if any SLA breached, else WARNING, MET or NO_DATA") Status status,
            @Schema(example = "3") int slas, @Schema(example = "1") int breaches,
            @Schema(example = "4410.00") BigDecimal totalCredit, @Schema(example = "0.00") BigDecimal totalBonus,
            @Schema(example = "EUR") String currency,
            @Schema(description = "NONE, OPEN (accepted by one side) or FROZEN") String statement) {
    }
}
