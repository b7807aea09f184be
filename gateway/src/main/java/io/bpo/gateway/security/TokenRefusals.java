package io.bpo.gateway.security;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Explains refused bearer tokens against the issuer and audience the gateway's OIDC configuration expects. */
@ApplicationScoped
public class TokenRefusals {

    private final String expectedIssuer;
    private final Optional<String> expectedAudience;

    TokenRefusals(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> issuer,
            @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<String> audience) {
        // quarkus-oidc takes the issuer from discovery, which is the auth server URL unless configured otherwise
        this.expectedIssuer = issuer.filter(i -> !i.equals("any")).orElse(authServerUrl.orElse(null));
        this.expectedAudience = audience;
    }

    public TokenRefusal explain(String authorization) {
        return TokenRefusal.of(authorization, expectedIssuer, expectedAudience, Instant.now());
    }
}
