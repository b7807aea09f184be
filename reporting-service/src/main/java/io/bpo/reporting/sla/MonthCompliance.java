package io.bpo.reporting.sla;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every SLA of a contract over one calendar month, with the month's credits and bonuses. */
@Schema(description = "Every SLA of a contract over a month")
public record MonthCompliance(
        UUID contractId,
        @Schema(example = "ACME-BPO-2026-01") String reference,
        @Schema(example = "2026-03") String month,
        @Schema(example = "EUR") String currency,
        @Schema(example = "176400.00", description = "Monthly fee in force on the month's last day")
        BigDecimal monthlyFee,
        @Schema(example = "4410.00", description = "Sum of the SLAs' capped credits") BigDecimal totalCredit,
        @Schema(example = "0.00") BigDecimal totalBonus,
        @Schema(example = "1") int breaches,
        List<MonthlySla> slas,
        @Schema(description = "When these numbers were computed") Instant computedAt) {
}
