package io.bpo.contracts.terms;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.bpo.contracts.contract.ContractStatus;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@link TermsView} as it is read most: the terms are written out as stored (validated JSON, exactly what both
 * parties signed) instead of being parsed into objects and serialised again on every read.
 */
public record StoredTermsView(UUID contractId, String clientId, String reference, String title, String currency,
        ContractStatus status, Integer versionNumber, Integer amendmentNumber, LocalDate effectiveFrom,
        String terms) {

    /**
     * The document as JSON text, as the service's mapper would write it (the same fields in the same order, strings
     * escaped by Jackson's encoder, dates as ISO dates), with the stored terms last as they are. The JSON writer
     * sends a string as it is, in UTF-8. Written by hand because this is the benchmark's hot read: as a Jackson raw
     * value the terms were copied character by character, and serialising the other fields with the mapper cost
     * as much again (a tenth of the service's CPU per read, together).
     */
    public String json() {
        StringBuilder json = new StringBuilder(320 + terms.length());
        json.append("{\"contractId\":");
        string(json, contractId == null ? null : contractId.toString());
        json.append(",\"clientId\":");
        string(json, clientId);
        json.append(",\"reference\":");
        string(json, reference);
        json.append(",\"title\":");
        string(json, title);
        json.append(",\"currency\":");
        string(json, currency);
        json.append(",\"status\":");
        string(json, status == null ? null : status.name());
        json.append(",\"versionNumber\":").append(versionNumber);
        json.append(",\"amendmentNumber\":").append(amendmentNumber);
        json.append(",\"effectiveFrom\":");
        string(json, effectiveFrom == null ? null : effectiveFrom.toString());
        return json.append(",\"terms\":").append(terms).append('}').toString();
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        json.append('"');
    }
}
