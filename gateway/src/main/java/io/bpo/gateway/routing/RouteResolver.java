package io.bpo.gateway.routing;

import java.util.regex.Pattern;

/**
 * Maps a normalized path under /api/v1 to an {@link ApiRoute}. Segments are matched exactly (no decoding, no
 * trimming), so an encoded slash, a matrix parameter or an empty segment never reaches a service as if it
 * were a different client.
 */
public final class RouteResolver {

    public static final String API_PREFIX = "/api/v1/";
    private static final java.util.Set<String> AUDIT_RESOURCES = java.util.Set.of("verify", "checkpoints",
            "public-key", "export", "bundle", "cross-tenant-denials");
    private static final java.util.Set<String> ME_RESOURCES = java.util.Set.of("notifications",
            "notification-preferences");
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private RouteResolver() {
    }

    public static boolean isClientId(String candidate) {
        return candidate != null && CLIENT_ID.matcher(candidate).matches();
    }

    public static ApiRoute resolve(String normalizedPath) {
        if (normalizedPath == null || !normalizedPath.startsWith(API_PREFIX)) {
            return new ApiRoute.NotFound("not an API path");
        }
        String[] segments = normalizedPath.substring(API_PREFIX.length()).split("/", -1);
        return switch (segments[0]) {
            case "clients" -> clients(segments);
            // the provider administrator's client lifecycle (people-service); the client id, when there is one,
            // is checked and logged like any other
            case "admin" -> admin(segments);
            // the one reporting resource across the caller's clients: they come from the token, none from the path
            case "reporting" -> segments.length == 2 && segments[1].equals("portfolio")
                    ? new ApiRoute.Proxy(Service.REPORTING, null)
                    : new ApiRoute.NotFound("unknown reporting resource");
            // the caller's own notifications and preferences: their clients come from the token
            case "me" -> segments.length >= 2 && ME_RESOURCES.contains(segments[1])
                    ? new ApiRoute.Proxy(Service.NOTIFICATIONS, null)
                    : new ApiRoute.NotFound("unknown resource of yours");
            case "audit" -> segments.length >= 2 && segments.length <= 3 && segments[1].equals("access-log")
                    && (segments.length == 2 || AUDIT_RESOURCES.contains(segments[2]))
                    ? new ApiRoute.AccessLog()
                    : new ApiRoute.NotFound("unknown audit resource");
            default -> new ApiRoute.NotFound("unknown API resource '" + segments[0] + "'");
        };
    }

    private static ApiRoute admin(String[] segments) {
        if (segments.length < 2 || !segments[1].equals("clients")) {
            return new ApiRoute.NotFound("unknown admin resource");
        }
        if (segments.length == 2) {
            return new ApiRoute.Proxy(Service.PEOPLE, null);
        }
        return isClientId(segments[2])
                ? new ApiRoute.Proxy(Service.PEOPLE, segments[2])
                : new ApiRoute.NotFound("malformed client id");
    }

    private static ApiRoute clients(String[] segments) {
        if (segments.length == 1) {
            return new ApiRoute.Proxy(Service.CONTRACTS, null);
        }
        String clientId = segments[1];
        if (!isClientId(clientId)) {
            return new ApiRoute.NotFound("malformed client id");
        }
        if (segments.length == 2) {
            return new ApiRoute.Proxy(Service.CONTRACTS, clientId);
        }
        if (segments[2].equals("webhooks")) {
            return new ApiRoute.Proxy(Service.NOTIFICATIONS, clientId);
        }
        return Service.bySegment(segments[2])
                .filter(service -> service != Service.NOTIFICATIONS)
                .<ApiRoute>map(service -> new ApiRoute.Proxy(service, clientId))
                .orElseGet(() -> new ApiRoute.NotFound("unknown client resource '" + segments[2] + "'"));
    }
}
