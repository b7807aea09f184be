package io.bpo.gateway.problem;

import java.net.URI;

/** The problems the gateway itself answers with; each has a stable type URI that clients may switch on. */
public enum ProblemType {
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid request parameter"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    TENANT_FORBIDDEN(403, "tenant-forbidden", "Client not accessible"),
    ROLE_FORBIDDEN(403, "role-forbidden", "Operation not allowed for your roles"),
    NOT_FOUND(404, "not-found", "Resource not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    UPSTREAM_FAILURE(502, "upstream-failure", "Service failed"),
    UPSTREAM_UNAVAILABLE(503, "upstream-unavailable", "Service unavailable"),
    ACCESS_LOG_UNAVAILABLE(503, "access-log-unavailable", "Access log unavailable"),
    DATABASE_UNAVAILABLE(503, "database-unavailable", "Service unavailable"),
    UPSTREAM_TIMEOUT(504, "upstream-timeout", "Service timed out"),
    // after the general types of the same status: forStatus picks the first
    TOKEN_REVOKED(401, "token-revoked", "Access revoked"),
    CLIENT_SUSPENDED(403, "client-suspended", "Client suspended");

    public static final String BASE_URI = "https://bpo.example/problems/";

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE_URI + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The gateway's own type for a status it did not produce on purpose (for example one raised by Quarkus REST). */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status == status) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_PARAMETER;
    }
}
