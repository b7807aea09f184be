package io.bpo.reporting.measurement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.bpo.reporting.ingestion.StorableInstant;
import io.bpo.reporting.ingestion.StrictInstantDeserializer;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One pre-aggregated KPI measurement as a tool pushes it. */
@Schema(name = "KpiMeasurement", description = "One KPI value for a contract's SLA over a period, with the numbers"
        + " behind it when it is a ratio")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasurementRecord(
        @Schema(description = "The contract (contracts-service id)", example = "4f1c2b9e-8a51-4c2e-9a44-0f3a8d7b6c21")
        @NotNull UUID contractId,
        @Schema(description = "The SLA's key in the contract's terms", example = "error-rate", maxLength = 100)
        @NotBlank @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be letters, digits, '.', '_' or '-'")
        String slaKey,
        @Schema(description = "Start of the measured period (inclusive)", example = "2026-03-01T00:00:00Z")
        @NotNull @StorableInstant @JsonDeserialize(using = StrictInstantDeserializer.class) Instant periodStart,
        @Schema(description = "End of the measured period (exclusive), after periodStart",
                example = "2026-04-01T00:00:00Z")
        @NotNull @StorableInstant @JsonDeserialize(using = StrictInstantDeserializer.class) Instant periodEnd,
        @Schema(description = "The KPI's value in its unit (a percentage, hours...)", example = "1.25")
        @NotNull @Digits(integer = 15, fraction = 6) BigDecimal value,
        @Schema(description = "For a ratio: what was counted (e.g. items with an error); with denominator",
                example = "25")
        @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal numerator,
        @Schema(description = "For a ratio: out of how many (e.g. items processed); with numerator, above 0",
                example = "2000")
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 6) BigDecimal denominator) {

    @AssertTrue(message = "must be after periodStart")
    @Schema(hidden = true)
    boolean isPeriodEnd() {
        return periodStart == null || periodEnd == null || periodEnd.isAfter(periodStart);
    }

    @AssertTrue(message = "numerator and denominator come together, or neither")
    @Schema(hidden = true)
    boolean isDenominator() {
        return (numerator == null) == (denominator == null);
    }
}
