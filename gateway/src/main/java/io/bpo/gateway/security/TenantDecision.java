package io.bpo.gateway.security;

/** Whether a caller may reach a client's data through the gateway. */
public enum TenantDecision {
    /** The client id is one of the token's tenants. */
    MEMBER,
    /** Not a tenant of the caller, but a cross-tenant role lets the request through (and it is logged so). */
    CROSS_TENANT,
    /** Neither: 403. */
    DENIED
}
