package io.bpo.gateway.openapi;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.bpo.gateway.problem.Problem;
import io.bpo.gateway.problem.ProblemResponses;
import io.bpo.gateway.problem.ProblemType;
import io.bpo.core.http.RequestIds;
import io.bpo.gateway.routing.ForwardedHeaders;
import io.bpo.gateway.routing.Service;
import io.bpo.gateway.routing.UpstreamClient;
import io.bpo.gateway.routing.UpstreamFailure;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves each service's OpenAPI document at /openapi/{service} (from the service's /q/openapi), so the
 * gateway's one Swagger UI lists them all. Public, like the documents themselves; not access-logged since no
 * client data is involved.
 */
@ApplicationScoped
public class OpenApiDocuments {

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);

    private final UpstreamClient client;
    private final ProblemResponses problems;

    OpenApiDocuments(UpstreamClient client, ProblemResponses problems) {
        this.client = client;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.get("/openapi/:service").handler(this::serve);
    }

    void serve(RoutingContext ctx) {
        String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        String path = ctx.normalizedPath();
        Optional<Service> service = Service.bySegment(ctx.pathParam("service"));
        if (service.isEmpty()) {
            problems.send(ctx.response(), Problem.of(ProblemType.NOT_FOUND, "No service publishes " + path + ".",
                    path, requestId));
            return;
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        headers.set(RequestIds.HEADER, requestId);
        String query = ctx.request().query();
        String uri = "/q/openapi" + (query == null || query.isEmpty() ? "" : "?" + query);
        Service target = service.get();
        client.open(target, HttpMethod.GET, uri, headers)
                .onFailure(failure -> failed(ctx, target, UpstreamFailure.UNAVAILABLE, failure, requestId))
                .onSuccess(request -> {
                    request.idleTimeout(client.timeout(target).toMillis());
                    request.response().onComplete(answer -> {
                        if (answer.succeeded()) {
                            relay(ctx, answer.result(), requestId);
                        } else {
                            failed(ctx, target, UpstreamFailure.classify(answer.cause()), answer.cause(), requestId);
                        }
                    });
                    request.end();
                });
    }

    private void relay(RoutingContext ctx, HttpClientResponse answer, String requestId) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(answer.statusCode());
        ForwardedHeaders.copyResponseHeaders(answer.headers(), response.headers());
        response.headers().set(RequestIds.HEADER, requestId);
        if (answer.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            response.setChunked(true);
        }
        answer.pipe().endOnFailure(false).to(response).onFailure(failure -> response.reset());
    }

    private void failed(RoutingContext ctx, Service service, UpstreamFailure failure, Throwable cause,
            String requestId) {
        LOG.debugf("OpenAPI document of %s: %s (%s)", service.segment(), failure.name().toLowerCase(Locale.ROOT),
                cause.toString());
        problems.send(ctx.response(), Problem.of(failure.problemType(), failure.describe(service),
                ctx.normalizedPath(), requestId).withService(service.segment()));
    }
}
