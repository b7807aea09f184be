package io.bpo.contracts.terms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A version without its terms: when it took effect, which amendment it is, what produced it. */
public record VersionSummary(int number, int amendmentNumber, LocalDate effectiveFrom, UUID changeRequestId,
        String createdBy, Instant createdAt) {

    static VersionSummary of(ContractVersion v) {
        return new VersionSummary(v.number, v.amendmentNumber, v.effectiveFrom, v.changeRequestId, v.createdBy,
                v.createdAt);
    }
}
