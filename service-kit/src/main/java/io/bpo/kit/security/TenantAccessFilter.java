package io.bpo.kit.security;

import io.bpo.kit.problem.Problems;
import io.bpo.kit.tenancy.ClientIds;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Layer 2 of isolation: a request for {@code /api/v1/clients/{clientId}/...} proceeds only when the verified token
 * lists that client (or carries a cross-tenant role), and only then is the tenant bound for Hibernate and PostgreSQL.
 * The service does this itself, whatever the gateway did, so a request sent straight to the service port gets the
 * same answer.
 */
public class TenantAccessFilter {
    public static final String CLIENT_ID_PARAM = "clientId";
    private static final Logger LOG = Logger.getLogger(TenantAccessFilter.class);

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    TenantContext tenantContext;

    @Inject
    SecurityConfig config;

    @Inject
    CurrentVertxRequest currentRequest;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> checkTenant(ContainerRequestContext request) {
        String clientId = request.getUriInfo().getPathParameters().getFirst(CLIENT_ID_PARAM);
        if (clientId == null) {
            return Uni.createFrom().nullItem();
        }
        String path = request.getUriInfo().getPath();
        if (!ClientIds.isValid(clientId)) {
            return Uni.createFrom().item(Problems.response(404, "not-found", "Not Found",
                    "No client " + clientId, path, List.of()));
        }
        SecurityIdentity known = knownIdentity();
        if (known != null) {
            // proactive authentication has already resolved it: decided at once, and a request that may proceed is
            // not suspended and resumed around a Uni (null: go on)
            Response refusal = decide(known, null, clientId, path);
            return refusal == null ? null : Uni.createFrom().item(refusal);
        }
        return identities.getDeferredIdentity()
                .onItemOrFailure().transform((identity, failure) -> decide(identity, failure, clientId, path));
    }

    /** The identity authentication put on the request, when it has; else null (not resolved yet, or anonymous). */
    private SecurityIdentity knownIdentity() {
        RoutingContext context = currentRequest.getCurrent();
        return context != null && context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    private Response decide(SecurityIdentity identity, Throwable failure, String clientId, String path) {
        if (failure != null || identity == null || identity.isAnonymous()) {
            return Problems.response(401, "unauthenticated", "Unauthorized",
                    "A valid bearer access token is required", path, List.of());
        }
        boolean member = TenantClaims.of(identity, config.tenantsClaim()).contains(clientId);
        boolean crossTenant = config.crossTenantRoles().stream().anyMatch(identity::hasRole);
        if (!member && !crossTenant) {
            LOG.infof("Denied %s access to client %s", identity.getPrincipal().getName(), clientId);
            return Problems.response(403, "tenant-forbidden", "Forbidden",
                    "Your access token does not grant access to client " + clientId, path, List.of());
        }
        tenantContext.bind(clientId);
        return null;
    }
}
