package io.bpo.reporting.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A page of contracts-service's {@code GET /api/v1/clients/{clientId}/contracts} (what the portfolio needs). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractPage(List<Contract> items, String nextCursor) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contract(UUID id, String clientId, String reference, String title, LocalDate startDate,
            LocalDate endDate, String currency, String status) {
    }
}
