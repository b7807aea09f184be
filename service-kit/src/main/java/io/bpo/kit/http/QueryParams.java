package io.bpo.kit.http;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import java.util.Arrays;
import java.util.List;

/**
 * Query parameters taken as text and converted here: JAX-RS answers a parameter it cannot convert with a bare 404,
 * whereas a client deserves a 400 that names the parameter and the values it accepts.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** Null when absent or empty; when not a constant of the enum, also null, with an error naming the parameter. */
    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type,
            List<Problem.FieldError> errors) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    public static int limit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Cursor.limit(null);
        }
        try {
            return Cursor.limit(Integer.valueOf(raw.trim()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit", "must be a whole number between 1 and " + Cursor.MAX_LIMIT);
        }
    }

    /** An optional whole-number parameter within [min, max]; a 400 naming it otherwise. */
    public static int intValue(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name, "must be a whole number between " + min + " and " + max);
    }

    /** One 400 listing every invalid parameter, as a body's validation problem lists every invalid field. */
    public static void requireNoErrors(List<Problem.FieldError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.reason()).toList());
        throw new ApiException(400, "validation", "Invalid request", detail, errors);
    }
}
