package io.bpo.gateway.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bpo.gateway.accesslog.AccessOutcome;
import io.bpo.gateway.security.Caller;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * What the gateway learned about one request while handling it, from arrival to the access-log entry.
 * It lives in the request's {@link RoutingContext} and is only touched from that request's Vert.x context,
 * so it needs no locking.
 */
public final class Exchange {

    private static final String KEY = Exchange.class.getName();
    private static final int MAX_USER_AGENT = 512;

    private final String requestId;
    private final long startNanos;
    private final Instant occurredAt;
    private final String method;
    private final String path;
    private final String sourceAddress;
    private final String userAgent;

    private Caller caller;
    private String clientId;
    private String service;
    private boolean crossTenant;
    private String note;
    private AccessOutcome outcome;
    private boolean logged;
    private boolean clientGone;
    private boolean bodyTooLarge;
    /** Set while the access log counts this exchange among the entries on their way (see AccessLogWriter). */
    private final AtomicBoolean expected = new AtomicBoolean();

    private Exchange(String requestId, String method, String path, String sourceAddress, String userAgent) {
        this.requestId = requestId;
        this.startNanos = System.nanoTime();
        // PostgreSQL keeps microseconds: truncating here keeps cursors built from Java values exact
        this.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.method = method;
        this.path = path;
        this.sourceAddress = sourceAddress;
        this.userAgent = userAgent;
    }

    public static Exchange begin(RoutingContext ctx, String requestId) {
        HttpServerRequest request = ctx.request();
        SocketAddress remote = request.remoteAddress();
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        Exchange exchange = new Exchange(requestId, request.method().name(), ctx.normalizedPath(),
                remote == null ? null : remote.hostAddress(), userAgent);
        ctx.put(KEY, exchange);
        return exchange;
    }

    /** The exchange of the request, or null when the gateway's API handler did not see it. */
    public static Exchange of(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(KEY);
    }

    public long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Marks the exchange as logged; false when it already was, so that each request is logged once. */
    public boolean claimLogEntry() {
        if (logged) {
            return false;
        }
        logged = true;
        return true;
    }

    /** Marks the exchange as counted among the entries on their way; false when it already was. */
    public boolean expect() {
        return expected.compareAndSet(false, true);
    }

    /** Ends the exchange's count among the entries on their way; true only for the first call after expect(). */
    public boolean releaseExpectation() {
        return expected.compareAndSet(true, false);
    }

    public boolean logged() {
        return logged;
    }

    public String requestId() {
        return requestId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    public Caller caller() {
        return caller;
    }

    public void caller(Caller caller) {
        this.caller = caller;
    }

    public String clientId() {
        return clientId;
    }

    public void clientId(String clientId) {
        this.clientId = clientId;
    }

    public String service() {
        return service;
    }

    public void service(String service) {
        this.service = service;
    }

    public boolean crossTenant() {
        return crossTenant;
    }

    public void crossTenant(boolean crossTenant) {
        this.crossTenant = crossTenant;
    }

    /** Extra words for the log entry's reason, added by whoever handled the request (e.g. the audit API). */
    public String note() {
        return note;
    }

    public void note(String note) {
        this.note = note;
    }

    /** The outcome decided by whoever handled the request (the audit API's scope check), or null. */
    public AccessOutcome outcome() {
        return outcome;
    }

    public void outcome(AccessOutcome outcome) {
        this.outcome = outcome;
    }

    public boolean clientGone() {
        return clientGone;
    }

    public void markClientGone() {
        this.clientGone = true;
    }

    public boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    public void markBodyTooLarge() {
        this.bodyTooLarge = true;
    }
}
