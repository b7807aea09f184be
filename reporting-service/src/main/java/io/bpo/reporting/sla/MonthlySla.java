package io.bpo.reporting.sla;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One SLA over a calendar month: its periods (one for a monthly SLA, the days or ISO weeks that end in the month
 * otherwise), the breaches among them, and the month's credit and bonus, each summed over the periods and capped.
 */
@Schema(description = "One SLA over a month: its periods, breaches, capped credit and bonus")
public record MonthlySla(
        @Schema(example = "niveau-de-service-20s") String slaKey,
        String name,
        Metric metric,
        SlaPeriod.Kind period,
        @Schema(example = "0.4") BigDecimal weight,
        Status status,
        @Schema(example = "1") int breaches,
        @Schema(example = "2.5") BigDecimal creditPercent,
        @Schema(example = "4410.00") BigDecimal creditAmount,
        @Schema(example = "0") BigDecimal bonusPercent,
        @Schema(example = "0.00") BigDecimal bonusAmount,
        List<String> objectives,
        List<Compliance> periods) {
}
