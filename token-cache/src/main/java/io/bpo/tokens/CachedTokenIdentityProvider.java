package io.bpo.tokens;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Asked before quarkus-oidc's own provider (default priority 1001): answers with the identity of a bearer token
 * verified earlier and still valid, or with nothing, in which case Quarkus goes on to the OIDC provider, which
 * verifies the token (signature, issuer, audience, expiry) as usual.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    static final int PRIORITY = 2000;

    private final VerifiedTokens verifiedTokens;

    CachedTokenIdentityProvider(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken() == null ? null : request.getToken().getToken();
        SecurityIdentity remembered = token == null ? null : verifiedTokens.find(token);
        if (remembered == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(
                VerifiedTokens.forRequest(remembered, HttpSecurityUtils.getRoutingContextAttribute(request)));
    }
}
