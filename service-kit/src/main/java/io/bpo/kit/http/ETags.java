package io.bpo.kit.http;

import io.bpo.kit.problem.ApiException;

/**
 * Optimistic concurrency over HTTP: the ETag is the row version, and an update must name the version it read in
 * {@code If-Match} (428 when missing, 412 when stale), so two editors never overwrite each other silently.
 * {@code If-Match: *} is refused like a missing header: it matches any version, so it would bring back the lost
 * update that the header exists to prevent.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by If-Match. */
    public static long requireIfMatch(String ifMatch) {
        String value = requireIfMatchTag(ifMatch);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    /** The entity tag named by If-Match, without quotes or weak prefix; 428 when missing or {@code *}. */
    public static String requireIfMatchTag(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "Send the ETag you read in an If-Match header to update this resource");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "If-Match: * is not accepted here: it would overwrite changes made since you read the resource. "
                            + "Send the ETag you read (GET it first)");
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "");
    }

    public static void checkVersion(long expected, long actual) {
        if (expected != actual) {
            throw stale();
        }
    }

    private static ApiException stale() {
        return new ApiException(412, "precondition-failed", "Precondition failed",
                "The resource changed since you read it (If-Match does not match its ETag); fetch it again");
    }
}
