package io.bpo.gateway.routing;

/** Where a path under /api/v1 goes, as decided from the path alone. */
public sealed interface ApiRoute {

    /**
     * Forward to a service. {@code clientId} is null for the clients collection itself and for reporting's portfolio
     * across the token's clients.
     */
    record Proxy(Service service, String clientId) implements ApiRoute {
    }

    /** The gateway's own access-log API. */
    record AccessLog() implements ApiRoute {
    }

    /** No such route, or a client id that cannot exist. */
    record NotFound(String reason) implements ApiRoute {
    }
}
