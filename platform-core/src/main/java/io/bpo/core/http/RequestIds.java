package io.bpo.core.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id ties a client's request to the gateway's access log and every service's log lines. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Keeps a well-formed incoming id (the gateway's), otherwise makes one: a header is never trusted blindly. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
