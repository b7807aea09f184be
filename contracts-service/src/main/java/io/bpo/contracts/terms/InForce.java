package io.bpo.contracts.terms;

import io.bpo.contracts.contract.ContractStatus;
import java.util.List;
import java.util.UUID;

/** The read API reporting-service uses: a contract and the terms in force on each day of a range. */
public record InForce(UUID contractId, String clientId, String reference, String currency, ContractStatus status,
        List<TermsPeriod> periods) {
}
