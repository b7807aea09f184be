package io.bpo.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.core.http.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Failures decided before a request reaches a resource (a rejected token during proactive authentication, a body
 * that overflowed the size limit while streaming) would otherwise get Vert.x's plain-text pages; they get
 * problem+json like every other error. A body announced over the limit is refused by Quarkus before routing, with
 * the bare status.
 */
@ApplicationScoped
public class HttpFailureProblems {
    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String slug;
        String title;
        String detail;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || ctx.statusCode() == 401) {
            status = 401;
            slug = "unauthenticated";
            title = "Unauthorized";
            detail = "A valid bearer access token is required";
        } else if (ctx.statusCode() == 413) {
            status = 413;
            slug = "payload-too-large";
            title = "Payload too large";
            detail = "The request body exceeds the size this endpoint accepts";
        } else {
            ctx.next();
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        Problem problem = new Problem(Problem.type(slug), title, status, detail, ctx.request().path(), requestId,
                List.of());
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(RequestIds.HEADER, requestId)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.next();
        }
    }
}
