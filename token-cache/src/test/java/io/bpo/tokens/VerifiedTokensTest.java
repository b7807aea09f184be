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
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
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
    void theProviderAnswersOnlyForTokensTheAugmentorRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(config(100, Duration.ofDays(1)), new SimpleMeterRegistry(),
                Clock.systemUTC());
        CachedTokenIdentityProvider provider = new CachedTokenIdentityProvider(tokens);
        RememberVerifiedTokens augmentor = new RememberVerifiedTokens(tokens);
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential("token-a"));

        assertNull(provider.authenticate(request, null).await().indefinitely(), "unknown token: left to OIDC");

        SecurityIdentity verified = QuarkusSecurityIdentity.builder(identity(Instant.now().plusSeconds(60)))
                .addCredential(new AccessTokenCredential("token-a")).build();
        assertSame(verified, augmentor.augment(verified, null).await().indefinitely());

        SecurityIdentity answered = provider.authenticate(request, null).await().indefinitely();
        assertNotNull(answered);
        assertEquals("carol", answered.getPrincipal().getName());
        assertNull(provider.authenticate(new TokenAuthenticationRequest(new AccessTokenCredential("token-b")), null)
                .await().indefinitely());
        assertEquals(true, provider.priority() > 1001, "asked before quarkus-oidc's provider");
    }
}
