package io.bpo.kit.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the verified access token says: subject, user name, roles and client ids. */
@RequestScoped
@Unremovable // looked up programmatically by the row-level-security binder
public class Caller {
    @Inject
    SecurityIdentity identity;

    @Inject
    SecurityConfig config;

    private Set<String> tenants;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public String subject() {
        return token() == null ? identity.getPrincipal().getName() : token().getSubject();
    }

    public String userName() {
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean mayCrossTenants() {
        return config.crossTenantRoles().stream().anyMatch(identity::hasRole);
    }

    /** Client ids of the token's tenants claim; empty when absent or malformed. */
    public Set<String> tenants() {
        if (tenants == null) {
            tenants = readTenants();
        }
        return tenants;
    }

    public boolean belongsTo(String clientId) {
        return tenants().contains(clientId);
    }

    private Set<String> readTenants() {
        return TenantClaims.of(identity, config.tenantsClaim());
    }

    private JsonWebToken token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }
}
