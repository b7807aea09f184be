package io.bpo.kit.http;

import io.bpo.kit.problem.ApiException;

/**
 * Optimistic concurrency over HTTP: the ETag is the row version, and an update must name the version it read in
 * {@code If-Match} (428 when missing, 412 when stale), so two editors never overwrite each other silently.
 */
public final class ETags {
    /** If-Match: * — the resource exists; the update applies to whatever version is current. */
    public static final long ANY = -1;

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by If-Match; {@link #ANY} for {@code *} (RFC 9110: any current representation). */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "Send the ETag you read in an If-Match header to update this resource");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return ANY;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    public static void checkVersion(long expected, long actual) {
        if (expected != ANY && expected != actual) {
            throw stale();
        }
    }

    private static ApiException stale() {
        return new ApiException(412, "precondition-failed", "Precondition failed",
                "The resource changed since you read it (If-Match does not match its ETag); fetch it again");
    }
}
