package io.bpo.gateway.ratelimit;

/** A classic token bucket; refilled lazily from the elapsed time, so it needs no timer. */
final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond, int capacity, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /** Takes one token; returns 0 when granted, else the nanoseconds until one will be available. */
    synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1d) {
            tokens -= 1d;
            return 0L;
        }
        return (long) Math.ceil((1d - tokens) / ratePerNano);
    }

    /** Whether the bucket is full, i.e. forgetting it changes nothing. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            refilledAt = nowNanos;
        }
    }
}
