package io.bpo.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

@ConfigMapping(prefix = "bpo.security")
public interface SecurityConfig {
    /** Name of the access-token claim listing the client ids the subject belongs to. */
    @WithDefault("tenants")
    String tenantsClaim();

    /** Roles that may act on any client; every such use is visible in the gateway's access log. */
    @WithDefault("provider-admin")
    Set<String> crossTenantRoles();
}
