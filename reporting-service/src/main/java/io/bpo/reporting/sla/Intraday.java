package io.bpo.reporting.sla;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Today's running value of one SLA (today in its calendar's time zone, up to now). */
@Schema(description = "Today's running value of one SLA and whether it is at risk")
public record Intraday(
        @Schema(description = "True when today's running value is at WARNING or BREACHED") boolean atRisk,
        Instant asOf,
        Compliance today) {
}
