package io.bpo.gateway.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.bpo.gateway.config.GatewayConfig;

/** Layer 1 of the tenant isolation: the path's client id against the token's tenants. */
@ApplicationScoped
public class TenantPolicy {

    private final List<String> crossTenantRoles;

    TenantPolicy(GatewayConfig config) {
        this.crossTenantRoles = List.copyOf(config.crossTenantRoles());
    }

    public TenantDecision decide(Caller caller, String clientId) {
        if (caller.belongsTo(clientId)) {
            return TenantDecision.MEMBER;
        }
        if (caller.hasAnyRole(crossTenantRoles)) {
            return TenantDecision.CROSS_TENANT;
        }
        return TenantDecision.DENIED;
    }

    public List<String> crossTenantRoles() {
        return crossTenantRoles;
    }
}
