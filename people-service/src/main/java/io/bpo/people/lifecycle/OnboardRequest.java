package io.bpo.people.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.bpo.kit.tenancy.ClientIds;
import io.bpo.kit.validation.CountryCode;

@Schema(description = "A client to onboard: its registry entry; its identity objects follow from the id")
public record OnboardRequest(
        @Schema(example = "initech") @NotNull
        @Pattern(regexp = ClientIds.PATTERN, message = "must be 2-63 lowercase letters, digits or '-'") String id,
        @Schema(example = "Initech SARL") @NotBlank @Size(max = 200) String legalName,
        @Schema(example = "FR") @NotNull @CountryCode String country,
        @Schema(example = "Software") @Size(max = 100) String sector) {
}
