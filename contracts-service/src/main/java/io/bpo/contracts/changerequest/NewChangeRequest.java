package io.bpo.contracts.changerequest;

import io.bpo.contracts.terms.ContractTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST .../change-requests}: why, from when, and the complete terms as they would read. */
@Schema(name = "NewChangeRequest", description = "A proposed amendment: the complete terms document as it would "
        + "read once applied, with a reason and the date it would take effect")
public record NewChangeRequest(
        @Schema(example = "Client asks for a faster service level from the summer campaign on")
        @NotBlank @Size(max = 2000) String reason,
        @Schema(example = "2026-06-01", description = "From this day the amended terms apply: not before the "
                + "current version's effectiveFrom, not after the proposed term's endDate")
        @NotNull LocalDate effectiveFrom,
        @Schema(description = "What the change touches; computed from the diff when absent. When given it must "
                + "name every part the proposal changes.", example = "[\"SLA\"]")
        @Size(min = 1, max = 5) List<@NotNull ChangeCategory> categories,
        @Schema(description = "The complete proposed terms (the 'terms' of GET .../terms, edited)")
        @NotNull @Valid ContractTerms terms) {
}
