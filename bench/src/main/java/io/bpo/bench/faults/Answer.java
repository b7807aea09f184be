package io.bpo.bench.faults;

/**
 * One answer the load got: which endpoint, its request id, when it was sent and answered (epoch milliseconds), the
 * status (-1 when the connection failed, no HTTP answer at all), and whether an error came as problem+json with
 * Retry-After.
 */
public record Answer(String endpoint, String requestId, long sentMillis, long doneMillis, int status,
        boolean problemJson, boolean retryAfter) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
