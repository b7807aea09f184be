package io.bpo.gateway.routing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.bpo.core.http.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/**
 * Which headers cross the gateway. Requests: an allow-list, so that cookies or headers a service might trust
 * (tenant hints, forwarded chains made up by the caller) never reach it; the gateway sets the X-Forwarded-*
 * headers itself from the connection it sees. Responses: everything except hop-by-hop headers.
 */
public final class ForwardedHeaders {

    static final Set<String> REQUEST_ALLOWED = Set.of(
            "authorization",
            "accept",
            "accept-language",
            "content-type",
            "content-length",
            "content-encoding",
            "content-language",
            "content-disposition",
            "if-match",
            "if-none-match",
            "idempotency-key",
            "traceparent",
            "tracestate");

    /** RFC 9110 section 7.6.1, plus the proxy headers that older clients and servers still send. */
    static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private ForwardedHeaders() {
    }

    public static MultiMap forUpstream(HttpServerRequest request, String requestId) {
        Set<String> connectionListed = connectionListed(request.headers());
        MultiMap upstream = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (REQUEST_ALLOWED.contains(name) && !connectionListed.contains(name)) {
                upstream.add(header.getKey(), header.getValue());
            }
        });
        upstream.set(RequestIds.HEADER, requestId);
        SocketAddress peer = request.remoteAddress();
        if (peer != null && peer.hostAddress() != null) {
            upstream.set("X-Forwarded-For", peer.hostAddress());
        }
        upstream.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        HostAndPort authority = request.authority();
        if (authority != null) {
            upstream.set("X-Forwarded-Host", authority.toString());
        }
        return upstream;
    }

    /** Copies a service's response headers, less hop-by-hop ones and its X-Request-Id (the gateway sets its own). */
    public static void copyResponseHeaders(MultiMap from, MultiMap to) {
        Set<String> connectionListed = connectionListed(from);
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !connectionListed.contains(name)
                    && !name.equals("x-request-id")) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private static Set<String> connectionListed(MultiMap headers) {
        Set<String> listed = new HashSet<>();
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    listed.add(name);
                }
            }
        }
        return listed;
    }
}
