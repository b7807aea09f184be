package io.bpo.kit.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The client (tenant) a request acts for, bound once the path's client id has been checked against the token.
 * Hibernate's tenant resolver and the row-level-security binder both read it.
 */
@RequestScoped
public class TenantContext {
    private String tenantId;

    public void bind(String clientId) {
        if (tenantId != null && !tenantId.equals(clientId)) {
            throw new IllegalStateException("A request acts for one tenant only");
        }
        this.tenantId = clientId;
    }

    public Optional<String> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    /** The bound tenant; code that needs one calls this after the tenant filter ran. */
    public String require() {
        if (tenantId == null) {
            throw new IllegalStateException("No tenant bound to this request");
        }
        return tenantId;
    }
}
