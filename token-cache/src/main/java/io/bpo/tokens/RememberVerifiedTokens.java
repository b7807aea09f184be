package io.bpo.tokens;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The last step of every successful authentication: remembers the bearer token's identity, as every other
 * augmentor left it, so that {@link CachedBearerAuthenticationMechanism} can answer the same token's next request.
 */
@ApplicationScoped
public class RememberVerifiedTokens implements SecurityIdentityAugmentor {

    private final VerifiedTokens verifiedTokens;

    RememberVerifiedTokens(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.isAnonymous() ? null
                : identity.getCredential(AccessTokenCredential.class);
        if (credential != null && credential.getToken() != null) {
            verifiedTokens.remember(credential.getToken(), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
