package io.bpo.tokens;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Tried before quarkus-oidc's mechanism (priority 1001): answers a request whose bearer token this process verified
 * earlier, and that is still valid, with that verification's identity; for any other request it answers nothing,
 * and Quarkus goes on to the OIDC mechanism, which verifies the token (signature, issuer, audience, expiry) as
 * usual and, through {@link RememberVerifiedTokens}, fills the cache.
 * <p>
 * A mechanism rather than an identity provider (decision 0025): before asking any provider, the OIDC mechanism
 * resolves its tenant and builds the token's credential, which decodes the token's claims only to tell whether it
 * is opaque; then every augmentor runs again on the remembered identity. On a cache hit all of that is done again
 * for an answer already known: about a tenth of the gateway's and of each service's CPU per request.
 * <p>
 * It reads the token exactly as the OIDC mechanism does (the {@code Authorization} header, scheme {@code Bearer}
 * in any case, the token after the first space) and recognises only a token whose SHA-256 matches one verified
 * before. It has no credential transport of its own, so an endpoint or policy that selects the {@code bearer}
 * mechanism by name gets the OIDC one; and it never sends a challenge: a refused request gets the OIDC one.
 */
@ApplicationScoped
public class CachedBearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final int PRIORITY = 2000;
    private static final String SCHEME = "Bearer";

    private final VerifiedTokens verifiedTokens;

    CachedBearerAuthenticationMechanism(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        SecurityIdentity remembered = remembered(context);
        return remembered == null ? Uni.createFrom().nullItem() : Uni.createFrom().item(remembered);
    }

    /**
     * The request's identity when its bearer token was verified earlier and is still valid, as the request's own;
     * null when the token must go through the OIDC mechanism (or there is none). Synchronous, for a caller that
     * authenticates on demand (the gateway) and can skip the reactive chain when the answer is already known.
     */
    public SecurityIdentity remembered(RoutingContext context) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        SecurityIdentity remembered = token == null ? null : verifiedTokens.find(token);
        return remembered == null ? null : VerifiedTokens.forRequest(remembered, context);
    }

    /** The token of an {@code Authorization: Bearer <token>} header, as the OIDC mechanism extracts it; else null. */
    static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !SCHEME.equalsIgnoreCase(header.substring(0, space))) {
            return null;
        }
        return header.substring(space + 1);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(Boolean.FALSE);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
