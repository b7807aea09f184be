package io.bpo.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    RateLimiter limiter(double ratePerSecond, int burst) {
        return new RateLimiter(true, ratePerSecond, burst, now::get);
    }

    @Test
    void burstIsGrantedAtOnceThenTheSubjectWaits() {
        RateLimiter limiter = limiter(2, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("alice"));
        }
        assertEquals(Duration.ofMillis(500), limiter.acquire("alice"));
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        RateLimiter limiter = limiter(2, 1);
        assertEquals(Duration.ZERO, limiter.acquire("alice"));
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertEquals(Duration.ofMillis(1), limiter.acquire("alice"));
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(Duration.ZERO, limiter.acquire("alice"));
    }

    @Test
    void bucketNeverHoldsMoreThanTheBurst() {
        RateLimiter limiter = limiter(100, 2);
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertEquals(Duration.ZERO, limiter.acquire("alice"));
        assertEquals(Duration.ZERO, limiter.acquire("alice"));
        assertEquals(Duration.ofMillis(10), limiter.acquire("alice"));
    }

    @Test
    void subjectsHaveTheirOwnBuckets() {
        RateLimiter limiter = limiter(1, 1);
        assertEquals(Duration.ZERO, limiter.acquire("alice"));
        assertEquals(Duration.ZERO, limiter.acquire("bob"));
        assertEquals(Duration.ofSeconds(1), limiter.acquire("alice"));
    }

    @Test
    void disabledLimiterGrantsEverything() {
        RateLimiter limiter = new RateLimiter(false, 1, 1, now::get);
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("alice"));
        }
    }

    @Test
    void idleBucketsAreForgottenPastTheThreshold() {
        RateLimiter limiter = limiter(1000, 1);
        for (int i = 0; i <= RateLimiter.SWEEP_THRESHOLD + 1; i++) {
            limiter.acquire("subject-" + i);
        }
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        // the sweep ran before this bucket was created: every refilled bucket was dropped, subject-0 starts full
        assertEquals(Duration.ZERO, limiter.acquire("subject-0"));
        assertEquals(Duration.ofMillis(1), limiter.acquire("subject-0"));
    }
}
