package io.bpo.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Claim names shared with the services ({@code bpo.security.*}). */
@ConfigMapping(prefix = "bpo.security")
public interface SecurityConfig {

    /** Top-level access-token claim holding the client ids (tenants) the subject belongs to. */
    @WithDefault("tenants")
    String tenantsClaim();

    /**
     * The role an auditor needs to read every client's log. An auditor token without a tenants claim and without
     * this role is refused (fail closed: a missing claim must not widen the scope to the whole platform).
     */
    @WithDefault("platform-auditor")
    String platformAuditRole();
}
