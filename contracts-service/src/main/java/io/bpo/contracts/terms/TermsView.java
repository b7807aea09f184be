package io.bpo.contracts.terms;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bpo.contracts.contract.ContractStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A contract's terms as one document: the identity of the contract and of the version (read-only), then the terms.
 * This is what {@code GET .../terms} returns and what {@code PUT .../terms} takes back: on a PUT only {@code terms}
 * (and, for an active contract, {@code effectiveFrom} and {@code reason}) are read; the rest may be sent unchanged.
 */
@Schema(name = "TermsDocument", description = "The complete terms of a contract version (SLA as code)")
public record TermsView(
        @Schema(readOnly = true) UUID contractId,
        @Schema(readOnly = true) String clientId,
        @Schema(readOnly = true, example = "ACME-BPO-2026-01") String reference,
        @Schema(readOnly = true) String title,
        @Schema(readOnly = true, example = "EUR") String currency,
        @Schema(readOnly = true) ContractStatus status,
        @Schema(readOnly = true, description = "Version number: 1 is the original agreement") Integer versionNumber,
        @Schema(readOnly = true, description = "0 for the original agreement, n for the n-th amendment")
        Integer amendmentNumber,
        @Schema(description = "Date from which these terms apply; on a PUT to an active contract, the wanted date")
        LocalDate effectiveFrom,
        @Schema(writeOnly = true, description = "Why the change is proposed (PUT to an active contract)")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 2000) String reason,
        @NotNull @Valid ContractTerms terms) {
}
