package io.bpo.reporting.ingestion;

import io.bpo.kit.problem.Problem;
import java.util.List;

/**
 * One record as a reader found it: where it is in the body ({@code [17]} in a JSON array, {@code line 18} in NDJSON
 * or CSV), the record when it could be read, and every error found in it (empty when it is valid).
 */
public record ParsedRecord(String position, InteractionRecord record, List<Problem.FieldError> errors) {
    public boolean valid() {
        return errors.isEmpty();
    }
}
