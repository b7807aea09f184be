package io.bpo.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.bpo.gateway.problem.Problem;
import io.bpo.gateway.problem.ProblemResponses;
import io.bpo.gateway.problem.ProblemType;
import io.bpo.core.http.RequestIds;
import io.bpo.gateway.routing.ForwardedHeaders;
import io.bpo.gateway.routing.Service;
import io.bpo.gateway.routing.UpstreamClient;
import io.bpo.gateway.routing.UpstreamFailure;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves each service's OpenAPI document at /openapi/{service} (from the service's /q/openapi), so the
 * gateway's one Swagger UI lists them all, and all of them merged into one at /openapi/all (for tools that want a
 * single file; versioned with the project). Public, like the documents themselves; not access-logged since no
 * client data is involved.
 */
@ApplicationScoped
public class OpenApiDocuments {

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);

    static final String ALL = "all";

    private final UpstreamClient client;
    private final ProblemResponses problems;
    private final String version;

    OpenApiDocuments(UpstreamClient client, ProblemResponses problems,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.client = client;
        this.problems = problems;
        this.version = version;
    }

    void register(@Observes Router router) {
        router.get("/openapi/" + ALL).handler(this::serveAll);
        router.get("/openapi/:service").handler(this::serve);
    }

    /** Every service's document, fetched now from the service, merged ({@link MergedDocument}). */
    void serveAll(RoutingContext ctx) {
        String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        List<Future<JsonObject>> fetches = new ArrayList<>();
        for (Service service : Service.values()) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().set(RequestIds.HEADER, requestId)
                    .set(HttpHeaders.ACCEPT, "application/json");
            fetches.add(client.open(service, HttpMethod.GET, "/q/openapi?format=json", headers)
                    .compose(request -> {
                        request.idleTimeout(client.timeout(service).toMillis());
                        return request.send();
                    })
                    .compose(answer -> answer.statusCode() == 200 ? answer.body()
                            : Future.failedFuture(new IllegalStateException("status " + answer.statusCode())))
                    .map(body -> new JsonObject(body))
                    .recover(failure -> {
                        failed(ctx, service, UpstreamFailure.classify(failure), failure, requestId);
                        return Future.failedFuture(failure);
                    }));
        }
        Future.all(fetches).onSuccess(all -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            Service[] services = Service.values();
            for (int i = 0; i < services.length; i++) {
                documents.put(services[i].segment(), all.resultAt(i));
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(MergedDocument.merge(documents, version).encodePrettily());
        });
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
        if (ctx.response().headWritten()) {
            return; // the merged document: another service's failure already answered
        }
        LOG.debugf("OpenAPI document of %s: %s (%s)", service.segment(), failure.name().toLowerCase(Locale.ROOT),
                cause.toString());
        problems.send(ctx.response(), Problem.of(failure.problemType(), failure.describe(service),
                ctx.normalizedPath(), requestId).withService(service.segment()));
    }
}
