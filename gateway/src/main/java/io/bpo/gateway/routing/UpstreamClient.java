package io.bpo.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.bpo.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/** The Vert.x HTTP client to the services, with each route's base URL and timeouts from configuration. */
@ApplicationScoped
public class UpstreamClient {

    private final HttpClient client;
    private final Map<Service, Target> targets = new EnumMap<>(Service.class);
    private final long connectTimeoutMillis;

    UpstreamClient(Vertx vertx, GatewayConfig config) {
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) connectTimeoutMillis)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                // the gateway relays bodies as they are; it never decompresses them
                .setDecompressionSupported(false);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.upstreamPoolSize()));
        GatewayConfig.Routes routes = config.routes();
        targets.put(Service.CONTRACTS, Target.of(Service.CONTRACTS, routes.contracts(), config.requestTimeout()));
        targets.put(Service.KNOWLEDGE, Target.of(Service.KNOWLEDGE, routes.knowledge(), config.requestTimeout()));
        targets.put(Service.REPORTING, Target.of(Service.REPORTING, routes.reporting(), config.requestTimeout()));
        targets.put(Service.NOTIFICATIONS, Target.of(Service.NOTIFICATIONS, routes.notifications(),
                config.requestTimeout()));
        targets.put(Service.PEOPLE, Target.of(Service.PEOPLE, routes.people(), config.requestTimeout()));
    }

    /**
     * Opens a request to the service; the future completes once a connection is ready, and fails when none
     * could be had within the connect timeout. No response timeout is armed yet: see {@link #timeout(Service)}.
     */
    public Future<HttpClientRequest> open(Service service, HttpMethod method, String pathAndQuery, MultiMap headers) {
        Target target = targets.get(service);
        RequestOptions request = new RequestOptions()
                .setMethod(method)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setURI(target.basePath() + pathAndQuery)
                .setHeaders(headers)
                .setConnectTimeout(connectTimeoutMillis)
                .setFollowRedirects(false);
        return client.request(request);
    }

    /** How long the service may stay silent once it has the whole request. */
    public Duration timeout(Service service) {
        return targets.get(service).timeout();
    }

    public URI baseUrl(Service service) {
        return targets.get(service).url();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private record Target(URI url, String host, int port, boolean ssl, String basePath, Duration timeout) {

        static Target of(Service service, GatewayConfig.Route route, Duration defaultTimeout) {
            URI url = URI.create(route.url());
            String scheme = url.getScheme();
            if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                throw new IllegalArgumentException("bpo.gateway.routes." + service.segment()
                        + ".url must be an absolute http(s) URL, got '" + route.url() + "'");
            }
            boolean ssl = "https".equals(scheme);
            int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return new Target(url, url.getHost(), port, ssl, basePath, route.timeout().orElse(defaultTimeout));
        }
    }
}
