package io.bpo.gateway.security;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.bpo.tokens.CachedBearerAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates a request on demand, so the gateway can log and answer an authentication failure itself.
 * <p>
 * With {@code quarkus.http.auth.proactive=false} Quarkus does not authenticate before routing: it only puts a
 * memoized "deferred identity" into the routing context. Subscribing to it runs the OIDC bearer mechanism
 * (signature, issuer, audience, expiry). On failure Quarkus calls the routing context's auth-failure handler,
 * which by default ends the response with a bare 401; it is replaced here by one that does nothing, so the
 * failure reaches the gateway's handler as a failed {@link Uni} instead.
 */
@ApplicationScoped
public class BearerAuthentication {

    private static final BiConsumer<RoutingContext, Throwable> LEAVE_TO_GATEWAY = (ctx, failure) -> {
    };

    private final IdentityProviderManager identityProviderManager;
    private final CachedBearerAuthenticationMechanism verifiedBefore;

    BearerAuthentication(IdentityProviderManager identityProviderManager,
            CachedBearerAuthenticationMechanism verifiedBefore) {
        this.identityProviderManager = identityProviderManager;
        this.verifiedBefore = verifiedBefore;
    }

    /**
     * The request's identity at once when its bearer token was verified earlier by this gateway and is still valid
     * (the token cache, decision 0017), set as the request's identity for what runs after the gateway (the access-log
     * API's role checks); null when {@link #authenticate} must run the full authentication.
     */
    public SecurityIdentity known(RoutingContext ctx) {
        SecurityIdentity identity = verifiedBefore.remembered(ctx);
        return identity == null ? null : QuarkusHttpUser.setIdentity(identity, ctx);
    }

    /**
     * The request's identity: anonymous when it carried no bearer token, a failure when the token is invalid or
     * expired.
     */
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx) {
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_GATEWAY);
        return QuarkusHttpUser.getSecurityIdentity(ctx, identityProviderManager);
    }
}
