package io.bpo.kit.tenancy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.function.Supplier;

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

    /**
     * For a request with no client in its path that reads several of the caller's clients one after another (the
     * cross-client portfolio): binds {@code clientId} while {@code work} runs, then unbinds it. The work opens its
     * own transactions, and the row-level-security binder and Hibernate's tenant resolver read the tenant when a
     * transaction begins, so each transaction begun inside acts for this client only. Checking that the caller may
     * read {@code clientId} stays the caller's job. Refused when the request already has a tenant (a request bound
     * by its path never switches) or inside a transaction (it would keep the tenant it began with).
     */
    public <T> T callAs(String clientId, Supplier<T> work) {
        if (tenantId != null) {
            throw new IllegalStateException("A request acts for one tenant only");
        }
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("A tenant is bound before a transaction begins, never inside one");
        }
        tenantId = clientId;
        try {
            return work.get();
        } finally {
            tenantId = null;
        }
    }
}
