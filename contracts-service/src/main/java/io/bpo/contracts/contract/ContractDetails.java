package io.bpo.contracts.contract;

import io.bpo.kit.validation.CountryCode;
import io.bpo.kit.validation.CurrencyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The editable terms of a contract: the body of both create and update. */
@Schema(name = "ContractDetails", description = "A contract's identity: what, how and where the work is delivered")
@ContractPeriod
public record ContractDetails(
        @Schema(example = "ACME-BPO-2026-01") @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}",
                message = "must be 1-64 letters, digits, '.', '_', '/' or '-'") String reference,
        @Schema(example = "Customer service (FR), Tunis centre") @NotBlank @Size(max = 200) String title,
        @NotNull EngagementType engagementType,
        @NotNull DeliveryModel deliveryModel,
        @Schema(example = "TN") @NotNull @CountryCode String deliveryCountry,
        @NotNull DeliveryLocation deliveryLocation,
        @Schema(example = "2026-01-01") @NotNull LocalDate startDate,
        @Schema(example = "2028-12-31") @NotNull LocalDate endDate,
        @Schema(example = "EUR") @NotNull @CurrencyCode String currency,
        @Schema(description = "The complete original terms (on creation only; later through .../terms). Without it "
                + "the contract starts with minimal draft terms built from its dates.")
        @Valid io.bpo.contracts.terms.ContractTerms terms) {
}
