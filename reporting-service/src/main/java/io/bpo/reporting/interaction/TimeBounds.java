package io.bpo.reporting.interaction;

import java.time.Instant;

/**
 * The instants this service accepts, in records and in queries. Java reads years up to a billion, PostgreSQL stores
 * up to 294276 AD: without a bound of our own, an absurd year would fail in the database as a 500 instead of a 400.
 */
public final class TimeBounds {
    public static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant MAX_EXCLUSIVE = Instant.parse("+10000-01-01T00:00:00Z");
    public static final String REASON = "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private TimeBounds() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(MIN) && instant.isBefore(MAX_EXCLUSIVE);
    }
}
