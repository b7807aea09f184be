package io.bpo.contracts.client;

import io.bpo.kit.tenancy.ClientIds;
import io.bpo.kit.validation.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A client company to onboard")
public record NewClient(
        @Schema(description = "Slug that becomes the client id in URLs and tokens", example = "acme")
        @NotNull @Pattern(regexp = ClientIds.PATTERN, message = "must be 2-63 lowercase letters, digits or '-'") String id,
        @Schema(example = "Acme Assurances SA") @NotBlank @Size(max = 200) String legalName,
        @Schema(example = "FR") @NotNull @CountryCode String country,
        @Schema(example = "Insurance") @Size(max = 100) String sector) {
}
