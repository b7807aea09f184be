package io.bpo.gateway.support;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Three fake services on random ports, standing in for contracts, knowledge and reporting. Each answers with a
 * JSON echo of what it received (service, method, path, query, headers, body size). Query parameters steer it:
 * <ul>
 * <li>{@code fake-status=N}: answer with status N;</li>
 * <li>{@code fake-delay-ms=N}: answer after N ms;</li>
 * <li>{@code fake-close=true}: close the connection without answering;</li>
 * <li>{@code fake-bytes=N}: answer N bytes, chunked, instead of the echo;</li>
 * <li>{@code fake-hop=true}: add hop-by-hop headers to the answer;</li>
 * <li>{@code fake-unavailable-once=true}: the first request with this X-Request-Id gets 503 problem+json with
 * Retry-After (a service whose database dropped a connection), later ones the echo;</li>
 * <li>{@code fake-close-once=true}: the first request with this X-Request-Id has its connection closed without an
 * answer, later ones get the echo.</li>
 * </ul>
 * {@code GET /__received?requestId=...} counts the requests that carried that X-Request-Id, so tests can prove
 * a refused request never reached a service. Init arg {@code down=<service>} points that service's route at a
 * port nobody listens on.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    public static final String[] SERVICES = { "contracts", "knowledge", "reporting", "notifications", "people" };
    /** What the fake people-service's revocation feed answers (a test sets it, the gateway polls it). */
    private static volatile String revocationFeed = emptyFeed();

    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private Vertx vertx;
    private String down;

    @Override
    public void init(Map<String, String> initArgs) {
        down = initArgs.get("down");
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            String url = service.equals(down) ? "http://127.0.0.1:" + unusedPort() : "http://127.0.0.1:" + listen(service);
            config.put("bpo.gateway.routes." + service + ".url", url);
        }
        config.put("bpo.gateway.revocations.url", config.get("bpo.gateway.routes.people.url") + "/internal/revocations");
        config.put("bpo.gateway.revocations.poll-interval", "200ms");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int listen(String service) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(service, request));
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    /** Sets the feed the fake people-service answers; the gateway reads it within its poll interval. */
    public static void revocationFeed(java.util.List<String> suspendedClients, java.util.Map<String, java.time.Instant> subjects) {
        JsonArray revoked = new JsonArray();
        subjects.forEach((subject, at) -> revoked.add(new JsonObject().put("subject", subject).put("revokedAt", at.toString())));
        revocationFeed = new JsonObject().put("asOf", java.time.Instant.now().toString())
                .put("suspendedClients", new JsonArray(suspendedClients)).put("subjects", revoked).encode();
    }

    public static void clearRevocations() {
        revocationFeed = emptyFeed();
    }

    private static String emptyFeed() {
        return new JsonObject().put("suspendedClients", new JsonArray()).put("subjects", new JsonArray()).encode();
    }

    private void handle(String service, HttpServerRequest request) {
        if (service.equals("people") && request.path().equals("/internal/revocations")) {
            request.response().putHeader("Content-Type", "application/json").end(revocationFeed);
            return;
        }
        if (request.path().equals("/__received")) {
            int count = received.getOrDefault(request.getParam("requestId"), 0);
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("count", count).encode());
            return;
        }
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null) {
            received.merge(requestId, 1, Integer::sum);
        }
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("openapi", "3.1.0")
                            .put("info", new JsonObject().put("title", service + "-service").put("version", "1"))
                            .put("paths", new JsonObject().put("/api/v1/clients/{clientId}/" + service,
                                    new JsonObject().put("get", new JsonObject().put("operationId", service))))
                            .encode());
            return;
        }
        boolean first = requestId != null && received.getOrDefault(requestId, 0) == 1;
        if (first && "true".equals(request.getParam("fake-close-once"))) {
            request.connection().close();
            return;
        }
        if (first && "true".equals(request.getParam("fake-unavailable-once"))) {
            request.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", "5")
                    .end(new JsonObject().put("type", "https://bpo.example/problems/database-unavailable")
                            .put("status", 503).encode());
            return;
        }
        if ("true".equals(request.getParam("fake-close"))) {
            request.connection().close();
            return;
        }
        long[] bodyBytes = { 0 };
        request.handler(chunk -> bodyBytes[0] += chunk.length());
        request.endHandler(end -> {
            long delay = Long.parseLong(param(request, "fake-delay-ms", "0"));
            if (delay > 0) {
                vertx.setTimer(delay, timer -> answer(service, request, bodyBytes[0]));
            } else {
                answer(service, request, bodyBytes[0]);
            }
        });
    }

    private void answer(String service, HttpServerRequest request, long bodyBytes) {
        if (request.response().closed()) {
            return;
        }
        int status = Integer.parseInt(param(request, "fake-status", "200"));
        var response = request.response().setStatusCode(status);
        if ("true".equals(request.getParam("fake-hop"))) {
            response.putHeader("Connection", "X-Hop-Secret")
                    .putHeader("X-Hop-Secret", "must not cross the gateway")
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("X-Service-Header", "kept");
        }
        String bytes = request.getParam("fake-bytes");
        if (bytes != null) {
            streamBytes(response, Long.parseLong(bytes));
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase();
            JsonArray values = headers.containsKey(name) ? headers.getJsonArray(name) : new JsonArray();
            headers.put(name, values.add(header.getValue()));
        });
        JsonObject echo = new JsonObject()
                .put("service", service)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("bodyBytes", bodyBytes);
        response.putHeader("Content-Type", "application/json")
                .putHeader("X-Request-Id", "service-must-not-override")
                .end(echo.encode());
    }

    private static void streamBytes(io.vertx.core.http.HttpServerResponse response, long total) {
        response.setChunked(true).putHeader("Content-Type", "application/octet-stream");
        Buffer chunk = Buffer.buffer(new byte[8192]);
        long written = 0;
        while (written + chunk.length() <= total) {
            response.write(chunk);
            written += chunk.length();
        }
        if (written < total) {
            response.write(chunk.getBuffer(0, (int) (total - written)));
        }
        response.end();
    }

    private static String param(HttpServerRequest request, String name, String fallback) {
        String value = request.getParam(name);
        return value == null ? fallback : value;
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
