package io.bpo.gateway.routing;

import java.util.Optional;

/** The services behind the gateway; the name is the path segment after the client id and the route's config key. */
public enum Service {
    CONTRACTS("contracts"),
    KNOWLEDGE("knowledge"),
    REPORTING("reporting"),
    /** Its client resource is {@code webhooks}; {@code /api/v1/me/notifications...} is the caller's own. */
    NOTIFICATIONS("notifications"),
    PEOPLE("people");

    private final String segment;

    Service(String segment) {
        this.segment = segment;
    }

    /** Lower-case name: path segment, config key ({@code bpo.gateway.routes.<name>}) and log value. */
    public String segment() {
        return segment;
    }

    public static Optional<Service> bySegment(String segment) {
        for (Service service : values()) {
            if (service.segment.equals(segment)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
