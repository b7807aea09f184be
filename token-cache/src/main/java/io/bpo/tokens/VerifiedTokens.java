package io.bpo.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;

/**
 * Identities of access tokens already verified by this process, so that a client sending the same token many
 * times pays for its signature check once (decision 0017). Filled by {@link RememberVerifiedTokens} after
 * quarkus-oidc verified a token, read by {@link CachedBearerAuthenticationMechanism} before it would verify it again.
 * <p>
 * The key is the SHA-256 of the whole token: only the exact token that was verified is recognised, and a token
 * differing in one byte (another signature, another claim) goes through full verification. An entry never
 * outlives the token's own {@code exp}, is checked against it again on every hit, and lives at most
 * {@code bpo.token-cache.max-age}. Only successful verifications are remembered.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final Cache<String, Remembered> cache;
    private final boolean enabled;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    record Remembered(SecurityIdentity identity, Instant expiresAt) {
    }

    @Inject
    VerifiedTokens(TokenCacheConfig config, MeterRegistry registry) {
        this(config, registry, Clock.systemUTC());
    }

    VerifiedTokens(TokenCacheConfig config, MeterRegistry registry, Clock clock) {
        this.enabled = config.maxSize() > 0;
        this.clock = clock;
        Duration maxAge = config.maxAge();
        this.cache = Caffeine.newBuilder()
                .maximumSize(Math.max(config.maxSize(), 0))
                .expireAfter(new Expiry<String, Remembered>() {
                    @Override
                    public long expireAfterCreate(String key, Remembered value, long currentTime) {
                        Duration untilExpiry = Duration.between(clock.instant(), value.expiresAt());
                        return Math.max(0, (untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Remembered value, long currentTime, long duration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Remembered value, long currentTime, long duration) {
                        return duration;
                    }
                })
                .build();
        this.hits = Counter.builder("bpo.token.cache").tag("result", "hit")
                .description("Requests whose bearer token had already been verified").register(registry);
        this.misses = Counter.builder("bpo.token.cache").tag("result", "miss")
                .description("Requests whose bearer token went through full verification").register(registry);
    }

    /** The identity verified earlier for exactly this token, or null when it must be verified. */
    public SecurityIdentity find(String token) {
        if (!enabled) {
            return null;
        }
        Remembered remembered = cache.getIfPresent(digest(token));
        if (remembered == null || !clock.instant().isBefore(remembered.expiresAt())) {
            misses.increment();
            return null;
        }
        hits.increment();
        return remembered.identity();
    }

    /** Remembers a successful verification of this token until its expiry (or the configured maximum age). */
    public void remember(String token, SecurityIdentity identity) {
        if (!enabled || identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (clock.instant().isBefore(expiresAt)) {
            cache.asMap().putIfAbsent(digest(token), new Remembered(withoutRequest(identity), expiresAt));
        }
    }

    /**
     * The identity without what belongs to the request that verified it (its routing context and authentication
     * context): a later request gets its own, and an entry holds no request's memory.
     */
    static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(RoutingContext.class.getName());
        attributes.remove(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        attributes.remove(AuthenticationRequestContext.class.getName());
        return new QuarkusSecurityIdentity.Builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .build();
    }

    /** A remembered identity as the given request's own. */
    static SecurityIdentity forRequest(SecurityIdentity remembered, RoutingContext ctx) {
        if (ctx == null) {
            return remembered;
        }
        return QuarkusSecurityIdentity.builder(remembered).addAttribute(RoutingContext.class.getName(), ctx).build();
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
