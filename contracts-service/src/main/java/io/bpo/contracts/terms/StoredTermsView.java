package io.bpo.contracts.terms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.contracts.contract.ContractStatus;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@link TermsView} as it is read most: the terms are written out as stored (validated JSON, exactly what both
 * parties signed) instead of being parsed into objects and serialised again on every read.
 */
@JsonIgnoreProperties("terms") // written by json(), as stored
public record StoredTermsView(UUID contractId, String clientId, String reference, String title, String currency,
        ContractStatus status, Integer versionNumber, Integer amendmentNumber, LocalDate effectiveFrom,
        String terms) {

    /**
     * The document as JSON text: the fields above as the service's mapper writes them, then {@code "terms"}, last as
     * in {@link TermsView}, with the stored JSON as it is. The JSON writer sends a string as it is, in UTF-8; the
     * terms are not copied character by character as a raw value would be (a tenth of the service's CPU on the
     * benchmark's read).
     */
    public String json(ObjectMapper mapper) {
        String head;
        try {
            head = mapper.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the terms of contract " + contractId, e);
        }
        int close = head.lastIndexOf('}');
        return head.substring(0, close) + ",\"terms\":" + terms + "}";
    }
}
