package io.bpo.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static TokenCacheConfig config(int maxSize, Duration maxAge) {
        return new TokenCacheConfig() {
            @Override
            public int maxSize() {
                return maxSize;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }
        };
    }

    static SecurityIdentity identity(Instant expiresAt) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "carol";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(expiresAt.getEpochSecond()) : null;
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("account-manager")
                .addAttribute(RoutingContext.class.getName(), "request one").build();
    }

    @Test
    void rememberedUntilTheTokenExpiresAndNotAfter() {
        Hands clock = new Hands();
        VerifiedTokens tokens = new VerifiedTokens(config(100, Duration.ofHours(1)), new SimpleMeterRegistry(), clock);
        tokens.remember("token-a", identity(NOW.plusSeconds(60)));

        clock.now = NOW.plusSeconds(59);
        SecurityIdentity found = tokens.find("token-a");
        assertNotNull(found);
        assertEquals(Set.of("account-manager"), found.getRoles());
        assertEquals("carol", found.getPrincipal().getName());
        assertNull(found.getAttribute(RoutingContext.class.getName()), "no request's context is kept");

        clock.now = NOW.plusSeconds(60);
        assertNull(tokens.find("token-a"), "the cache never extends a token's life");
    }

    @Test
    void onlyTheExactTokenIsRecognised() {
        VerifiedTokens tokens = new VerifiedTokens(config(100, Duration.ofHours(1)), new SimpleMeterRegistry(),
                new Hands());
        tokens.remember("token-a", identity(NOW.plusSeconds(60)));
        assertNull(tokens.find("token-b"));
        assertNull(tokens.find("token-a "));
        assertNotNull(tokens.find("token-a"));
    }

    @Test
    void expiredOrUnexpiringTokensAreNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(config(100, Duration.ofHours(1)), new SimpleMeterRegistry(),
                new Hands());
        tokens.remember("late", identity(NOW.minusSeconds(1)));
        tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        assertNull(tokens.find("late"));
        assertNull(tokens.find("anonymous"));
        assertEquals(0, tokens.size());
    }

    @Test
    void sizeZeroTurnsTheCacheOff() {
        VerifiedTokens tokens = new VerifiedTokens(config(0, Duration.ofHours(1)), new SimpleMeterRegistry(),
                new Hands());
        tokens.remember("token-a", identity(NOW.plusSeconds(60)));
        assertNull(tokens.find("token-a"));
    }

    @Test
    void aRequestGetsTheRememberedIdentityWithItsOwnContext() {
        SecurityIdentity remembered = VerifiedTokens.withoutRequest(identity(NOW.plusSeconds(60)));
        RoutingContext ctx = (RoutingContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> null);
        SecurityIdentity own = VerifiedTokens.forRequest(remembered, ctx);
        assertSame(ctx, own.getAttribute(RoutingContext.class.getName()));
        assertEquals(remembered.getRoles(), own.getRoles());
    }

    @Test
    void theMechanismAnswersOnlyForTokensTheAugmentorRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(config(100, Duration.ofDays(1)), new SimpleMeterRegistry(),
                Clock.systemUTC());
        CachedBearerAuthenticationMechanism mechanism = new CachedBearerAuthenticationMechanism(tokens);
        RememberVerifiedTokens augmentor = new RememberVerifiedTokens(tokens);
        RoutingContext request = withAuthorization("Bearer token-a");

        assertNull(mechanism.authenticate(request, null).await().indefinitely(), "unknown token: left to OIDC");

        SecurityIdentity verified = QuarkusSecurityIdentity.builder(identity(Instant.now().plusSeconds(60)))
                .addCredential(new AccessTokenCredential("token-a")).build();
        assertSame(verified, augmentor.augment(verified, null).await().indefinitely());

        SecurityIdentity answered = mechanism.authenticate(request, null).await().indefinitely();
        assertNotNull(answered);
        assertEquals("carol", answered.getPrincipal().getName());
        assertEquals(Set.of("account-manager"), answered.getRoles());
        assertSame(request, answered.getAttribute(RoutingContext.class.getName()), "the request's own context");
        assertNotNull(mechanism.authenticate(withAuthorization("bearer token-a"), null).await().indefinitely(),
                "the scheme in any case, as the OIDC mechanism reads it");
        for (String other : new String[] {"Bearer token-b", "Bearer  token-a", "Basic token-a", "token-a",
                "Bearer token-a ", "Bearertoken-a"}) {
            assertNull(mechanism.authenticate(withAuthorization(other), null).await().indefinitely(), other);
        }
        assertNull(mechanism.authenticate(withAuthorization(null), null).await().indefinitely(), "no header");
        assertEquals(true, mechanism.getPriority() > 1001, "tried before quarkus-oidc's mechanism");
        assertEquals(false, mechanism.sendChallenge(request).await().indefinitely(), "the OIDC challenge is sent");
        assertNull(mechanism.getChallenge(request).await().indefinitely());
    }

    @Test
    void theTokenIsReadAsTheOidcMechanismReadsIt() {
        assertEquals("abc.def.ghi", CachedBearerAuthenticationMechanism.bearerToken("Bearer abc.def.ghi"));
        assertEquals("abc", CachedBearerAuthenticationMechanism.bearerToken("BEARER abc"));
        assertEquals(" abc", CachedBearerAuthenticationMechanism.bearerToken("Bearer  abc"));
        assertNull(CachedBearerAuthenticationMechanism.bearerToken("Bearer"));
        assertNull(CachedBearerAuthenticationMechanism.bearerToken(" Bearer abc"));
        assertNull(CachedBearerAuthenticationMechanism.bearerToken("DPoP abc"));
        assertNull(CachedBearerAuthenticationMechanism.bearerToken(null));
    }

    /** A routing context whose request has this Authorization header (null: none). */
    static RoutingContext withAuthorization(String header) {
        HttpServerRequest request = (HttpServerRequest) java.lang.reflect.Proxy.newProxyInstance(
                VerifiedTokensTest.class.getClassLoader(), new Class<?>[] {HttpServerRequest.class},
                (proxy, method, args) -> "getHeader".equals(method.getName())
                        && HttpHeaders.AUTHORIZATION.toString().equalsIgnoreCase(String.valueOf(args[0])) ? header : null);
        return (RoutingContext) java.lang.reflect.Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class},
                (proxy, method, args) -> "request".equals(method.getName()) ? request : null);
    }
}
