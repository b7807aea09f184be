package io.bpo.reporting.ingestion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bpo.reporting.interaction.Channel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One interaction record as a tool pushes it: an element of the ingestion batch. */
@Schema(name = "InteractionRecord", description = "One interaction record to ingest")
@JsonInclude(JsonInclude.Include.NON_NULL)
@CoherentInteraction
public record InteractionRecord(
        @Schema(description = "The tool's own id of the record: a record pushed again with the same id is a"
                + " duplicate, not stored twice", example = "acme-2026-03-000042", maxLength = 128)
        @NotBlank @Size(max = 128, message = "must be at most 128 characters")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = CONTROL_CHARACTERS) String externalId,
        @NotNull Channel channel,
        @Schema(description = "The queue or scope item that handled it", example = "billing", maxLength = 100)
        @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = CONTROL_CHARACTERS) String queue,
        @Schema(example = "2026-03-02T08:15:00Z") @NotNull @StorableInstant Instant offeredAt,
        @Schema(description = "Absent when abandoned; not before offeredAt", example = "2026-03-02T08:15:42Z")
        @StorableInstant Instant answeredAt,
        @Schema(description = "Not before offeredAt", example = "2026-03-02T08:20:03Z") @StorableInstant Instant endedAt,
        @Schema(example = "42") @PositiveOrZero Integer waitSeconds,
        @Schema(description = "Absent when abandoned", example = "261") @PositiveOrZero Integer handleSeconds,
        @NotNull Boolean abandoned,
        @Schema(description = "false when absent") Boolean transferred,
        Boolean firstContactResolution,
        @Schema(minimum = "1", maximum = "5") @Min(1) @Max(5) Integer csat,
        @Schema(minimum = "0", maximum = "100", example = "87.5")
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal qualityScore,
        @Schema(description = "Pseudonymous agent id, never a name", example = "agt-7f3a", maxLength = 64)
        @Size(min = 1, max = 64, message = "must be 1 to 64 characters")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = CONTROL_CHARACTERS) String agentId) {

    // PostgreSQL text cannot hold NUL, and no id or name needs a control character
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cc}]*";
    static final String CONTROL_CHARACTERS = "must not contain control characters";
}
