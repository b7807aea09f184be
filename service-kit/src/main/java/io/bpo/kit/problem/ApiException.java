package io.bpo.kit.problem;

import java.util.List;

/**
 * A domain rule refused the request. Services throw it; one mapper turns it into problem+json, so no service
 * ever builds an HTTP response itself.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiException(int status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, List.of());
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", "Resource not found", what + " " + id + " does not exist");
    }

    public static ApiException conflict(String typeSlug, String detail) {
        return new ApiException(409, typeSlug, "Conflict", detail);
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(400, "validation", "Invalid request", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    public static ApiException forbidden(String typeSlug, String detail) {
        return new ApiException(403, typeSlug, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
