package io.bpo.gateway.accesslog;

/**
 * How a request ended, from the confidentiality point of view. Stored as text; the table's CHECK constraint
 * lists the same values, so adding one takes a migration.
 */
public enum AccessOutcome {
    /** Forwarded to a service, within the caller's own tenants, and not refused by it. */
    ALLOWED,
    /** Forwarded for a client outside the caller's tenants thanks to a cross-tenant role. */
    ALLOWED_CROSS_TENANT,
    /** No, an invalid or an expired token (401), at the gateway or at the service. */
    DENIED_UNAUTHENTICATED,
    /** The path's client id is not one of the token's tenants (403 at the gateway). */
    DENIED_TENANT,
    /** The caller's roles do not allow the operation (403 from a service, or at the gateway for the audit API). */
    DENIED_ROLE,
    /** The caller's rate limit was exceeded (429). */
    RATE_LIMITED,
    /** No such route, or a malformed client id (404 at the gateway). */
    REJECTED_NOT_FOUND,
    /** Invalid parameters or method (400, 405, 406 at the gateway). */
    REJECTED_INVALID,
    /** Request body over the limit (413). */
    REJECTED_TOO_LARGE,
    /** The service could not be reached, timed out or failed before answering (502, 503, 504). */
    UPSTREAM_ERROR,
    /** The caller went away before the gateway could answer. */
    CLIENT_ABORTED,
    /** The gateway itself failed (500). */
    GATEWAY_ERROR
}
