package io.bpo.gateway.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.bpo.core.http.RequestIds;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Paths nothing else serves get a problem+json 404 too, instead of Vert.x's plain-text page. Quarkus REST
 * answers most unknown paths itself (through {@link ProblemMappers}); this covers requests it passes on.
 */
@ApplicationScoped
public class NotFoundFallback {

    private final ProblemResponses problems;

    NotFoundFallback(ProblemResponses problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().last().handler(this::notFound);
    }

    void notFound(RoutingContext ctx) {
        String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        String path = ctx.normalizedPath();
        problems.send(ctx.response(), Problem.of(ProblemType.NOT_FOUND, "There is no resource at " + path + ".",
                path, requestId));
    }
}
