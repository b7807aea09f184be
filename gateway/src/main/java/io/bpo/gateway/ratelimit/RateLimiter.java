package io.bpo.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.bpo.gateway.config.GatewayConfig;

/**
 * Per-subject token buckets kept in memory: each gateway replica limits on its own, which is enough to stop a
 * runaway script and needs no shared store.
 */
@ApplicationScoped
public class RateLimiter {

    /** Past this many buckets, full (idle) ones are forgotten before a new one is added. */
    static final int SWEEP_THRESHOLD = 10_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final double ratePerSecond;
    private final int burst;
    private final LongSupplier clock;

    @Inject
    RateLimiter(GatewayConfig config) {
        this(config.rateLimit().enabled(), config.rateLimit().ratePerSecond(), config.rateLimit().burst(),
                System::nanoTime);
    }

    RateLimiter(boolean enabled, double ratePerSecond, int burst, LongSupplier clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("bpo.gateway.rate-limit needs rate-per-second > 0 and burst >= 1");
        }
        this.enabled = enabled;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Duration.ZERO when the request may proceed, else how long the subject should wait. */
    public Duration acquire(String subject) {
        if (!enabled) {
            return Duration.ZERO;
        }
        long now = clock.getAsLong();
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(subject, key -> new TokenBucket(ratePerSecond, burst, now));
        return Duration.ofNanos(bucket.tryTake(now));
    }
}
