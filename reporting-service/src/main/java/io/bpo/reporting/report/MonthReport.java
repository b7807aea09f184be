package io.bpo.reporting.report;

import io.bpo.reporting.sla.MonthCompliance;
import io.bpo.reporting.sla.Status;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The monthly service review of a contract: the month's numbers and each SLA over the last twelve months. */
@Schema(description = "Monthly service review: the month (frozen statement if there is one) and 12 months of history")
public record MonthReport(
        @Schema(description = "True when the month's numbers are those of the frozen statement") boolean frozen,
        @Schema(description = "SHA-256 of the frozen statement's content; null when not frozen") String contentHash,
        MonthCompliance month,
        @Schema(description = "One series per SLA of the month, oldest month first") List<Series> history) {

    @Schema(description = "An SLA month by month")
    public record Series(String slaKey, String name, String unit, BigDecimal target, List<Point> points) {
    }

    @Schema(description = "An SLA's month: its value (the mean of its periods' values for daily or weekly SLAs)")
    public record Point(@Schema(example = "2026-03") String month, BigDecimal value, Status status,
            BigDecimal target, int breaches) {
    }
}
