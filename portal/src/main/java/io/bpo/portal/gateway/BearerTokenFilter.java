package io.bpo.portal.gateway;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Puts the signed-in user's access token on every call to the gateway. The portal never has a token of its own
 * for the API: without a user there is no call, so the portal cannot read what the user may not.
 */
public class BearerTokenFilter implements ClientRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null) {
            throw new NotSignedInException();
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }

    /** A gateway call attempted without a signed-in user: a bug in a page, answered as a refusal. */
    public static class NotSignedInException extends RuntimeException {
        public NotSignedInException() {
            super("no signed-in user to call the gateway for");
        }
    }
}
