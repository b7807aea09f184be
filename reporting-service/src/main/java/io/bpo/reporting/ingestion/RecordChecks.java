package io.bpo.reporting.ingestion;

import io.bpo.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of one record (its annotations), reported against its place in the batch: {@code [17].csat} in a JSON array,
 * {@code line 18.csat} in NDJSON or CSV. Whatever
 * the format a batch arrives in, its records are checked here.
 */
@ApplicationScoped
public class RecordChecks {
    @Inject
    Validator validator;

    public List<Problem.FieldError> check(String position, InteractionRecord record) {
        return validator.validate(record).stream()
                .map(v -> new Problem.FieldError(field(position, v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::reason))
                .toList();
    }

    static String field(String position, String path) {
        return path == null || path.isEmpty() ? position : position + "." + path;
    }
}
