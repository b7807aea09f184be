package io.bpo.kit.problem;

import io.bpo.core.http.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.MDC;

/** Builds the problem+json responses; the request id comes from the logging context the request filter fills. */
public final class Problems {
    private Problems() {
    }

    public static Response response(int status, String typeSlug, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(Problem.type(typeSlug), title, status, detail, instance,
                requestId == null ? null : requestId.toString(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
