package io.bpo.kit.problem;

import io.bpo.core.problem.DatabaseUnavailable;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: RFC 9457 problem+json with the request id, never a stack trace.
 * Bad input is a 4xx naming the field; only a defect of ours is a 500, logged with its cause.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response domain(ApiException e, UriInfo uri) {
        return Problems.response(e.status(), e.typeSlug(), e.title(), e.getMessage(), path(uri), e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; "));
        return Problems.response(400, "validation", "Invalid request", detail, path(uri), errors);
    }

    // One mapper per Jackson exception type: the most specific type wins the mapper lookup, and quarkus-rest-jackson
    // ships its own (plain JSON) mappers for some of these.
    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonParseException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonMappingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(InvalidFormatException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(UnrecognizedPropertyException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(ValueInstantiationException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(403, "role-forbidden", "Forbidden",
                "Your role does not allow this operation", path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return staleUpdate(uri);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(StaleStateException e, UriInfo uri) {
        return staleUpdate(uri);
    }

    /** A unique key the request collided with (a concurrent twin of an idempotent write, a duplicate id). */
    @ServerExceptionMapper
    public Response uniqueViolation(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return Problems.response(409, "conflict", "Conflict",
                "The request conflicts with a concurrent or earlier one; read the resource and retry", path(uri),
                List.of());
    }

    /** The database went away under a statement (Hibernate's translation of SQLSTATE class 08). */
    @ServerExceptionMapper
    public Response databaseUnreachable(org.hibernate.exception.JDBCConnectionException e, UriInfo uri) {
        return databaseUnavailable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500 && DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e, uri);
        }
        if (status >= 500) {
            Log.errorf(e, "Request failed: %s", path(uri));
            return internal(uri);
        }
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        String title = Response.Status.fromStatusCode(status) == null
                ? "Bad request" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "No resource at " + path(uri) : e.getMessage();
        return Problems.response(status, slug, title, detail, path(uri), List.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // whatever wraps it (JTA rollback, persistence exception, the tenant binder), a lost database is not a defect
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e, uri);
        }
        Log.errorf(e, "Unexpected failure on %s", path(uri));
        return internal(uri);
    }

    /** 503 with Retry-After: the request may be sent again once the database is back (readiness says when). */
    static Response databaseUnavailable(Throwable e, UriInfo uri) {
        Log.warnf("Database unavailable on %s: %s", path(uri), rootMessage(e));
        Response problem = Problems.response(503, "database-unavailable", "Service unavailable",
                "The database cannot be reached at the moment; retry in a few seconds", path(uri), List.of());
        return Response.fromResponse(problem).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            reason = "is not a known property";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            reason = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException format) {
            reason = "must be " + simpleName(format.getTargetType());
        } else if (e instanceof ValueInstantiationException instantiation) {
            reason = instantiation.getCause() == null ? "is invalid" : instantiation.getCause().getMessage();
        } else if (e instanceof MismatchedInputException mismatch) {
            reason = mismatch.getTargetType() == null ? "has the wrong type"
                    : "must be " + simpleName(mismatch.getTargetType());
        } else if (e instanceof JsonParseException) {
            // JSON or YAML alike: name where the reader stopped
            reason = "is malformed at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
        } else {
            reason = "is not valid JSON for this resource";
        }
        String name = field.isEmpty() ? "body" : field;
        return Problems.response(400, field.isEmpty() ? "malformed-body" : "validation", "Invalid request",
                name + " " + reason, path(uri), List.of(new Problem.FieldError(name, reason)));
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a client should have sent, with its article: "a UUID", "an array". */
    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "LocalTime" -> "a time (HH:MM)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 timestamp";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "a boolean";
            case "BigDecimal", "Double", "double" -> "a number";
            case "String" -> "a string";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "an array" : "an object";
        };
    }

    /** A violation's JSON path as a client wrote it: {@code slas[1].target}, {@code tags[3]}, or the parameter. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // a node inside a list or map is reached through its container's element: name it first
            if (node.isInIterable() && !path.isEmpty()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN
                    || node.getName() == null) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        if (path.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return path.toString();
    }

    private static Response unauthorized(UriInfo uri) {
        return Problems.response(401, "unauthenticated", "Unauthorized",
                "A valid bearer access token is required", path(uri), List.of());
    }

    private static Response staleUpdate(UriInfo uri) {
        return Problems.response(412, "precondition-failed", "Precondition failed",
                "The resource changed since you read it; fetch it again and retry with its new ETag", path(uri),
                List.of());
    }

    private static Response internal(UriInfo uri) {
        return Problems.response(500, "internal", "Internal error",
                "The request could not be completed; quote the request id when reporting it", path(uri), List.of());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
