package io.bpo.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Claim names shared with the services ({@code bpo.security.*}). */
@ConfigMapping(prefix = "bpo.security")
public interface SecurityConfig {

    /** Top-level access-token claim holding the client ids (tenants) the subject belongs to. */
    @WithDefault("tenants")
    String tenantsClaim();
}
