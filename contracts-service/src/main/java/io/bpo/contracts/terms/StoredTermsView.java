package io.bpo.contracts.terms;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.bpo.contracts.contract.ContractStatus;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@link TermsView} as it is read most: the terms are written out as stored (validated JSON, exactly what both
 * parties signed) instead of being parsed into objects and serialised again on every read.
 */
public record StoredTermsView(UUID contractId, String clientId, String reference, String title, String currency,
        ContractStatus status, Integer versionNumber, Integer amendmentNumber, LocalDate effectiveFrom,
        @JsonRawValue String terms) {
}
