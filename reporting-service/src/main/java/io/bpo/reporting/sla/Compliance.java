package io.bpo.reporting.sla;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One SLA over one period: the value, the target in force, the outcome and the money, with the numbers behind. */
@Schema(description = "Compliance of one SLA over one period")
public record Compliance(
        @Schema(example = "niveau-de-service-20s") String slaKey,
        @Schema(example = "80 % des appels décrochés en 20 s") String name,
        Metric metric,
        @Schema(example = "PERCENT") String unit,
        SlaPeriod.Kind period,
        @Schema(example = "2026-03") String periodLabel,
        @Schema(example = "2026-03-01") LocalDate firstDay,
        @Schema(example = "2026-03-31") LocalDate lastDay,
        @Schema(example = "Europe/Paris") String timeZone,
        @Schema(example = "2026-02-28T23:00:00Z") Instant from,
        @Schema(example = "2026-03-31T22:00:00Z", description = "Exclusive") Instant to,
        @Schema(example = "1", description = "Contract version whose target governs this period") int termsVersion,
        @Schema(example = "83.25", description = "Null when there is no data") BigDecimal value,
        @Schema(example = "9990") BigDecimal numerator,
        @Schema(example = "12000") BigDecimal denominator,
        @Schema(example = "12020", description = "Records (or measurements) inside the calendar and scope")
        long recordsCounted,
        Comparator comparator,
        @Schema(example = "80") BigDecimal target,
        @Schema(example = "82") BigDecimal warning,
        @Schema(example = "20") Integer thresholdSeconds,
        Status status,
        @Schema(example = "3.25", description = "How far the value is on the good side of the target (negative: "
                + "breached); null without data") BigDecimal margin,
        @Schema(example = "0", description = "Service credit owed for this period, percent of the monthly fee")
        BigDecimal creditPercent,
        @Schema(example = "0.00") BigDecimal creditAmount,
        @Schema(example = "0", description = "Bonus earned for this period, percent of the monthly fee")
        BigDecimal bonusPercent,
        @Schema(example = "0.00") BigDecimal bonusAmount,
        @Schema(example = "EUR") String currency,
        @Schema(description = "Statements of the objectives this SLA serves") List<String> objectives) {
}
