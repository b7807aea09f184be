package io.bpo.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details. {@code type} is a stable URI per kind of problem that clients can switch on;
 * {@code errors} lists each invalid field of a validation problem.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://bpo.example/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One invalid input: where it is (a JSON path, a query parameter or a header) and why it was refused. */
    public record FieldError(String field, String reason) {
    }
}
