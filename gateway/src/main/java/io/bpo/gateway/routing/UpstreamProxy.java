package io.bpo.gateway.routing;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.bpo.gateway.accesslog.AccessLogWriter;
import io.bpo.gateway.accesslog.AccessOutcome;
import io.bpo.gateway.config.GatewayConfig;
import io.bpo.gateway.problem.Problem;
import io.bpo.gateway.problem.ProblemResponses;
import io.bpo.gateway.problem.ProblemType;
import io.bpo.gateway.request.Exchange;
import io.bpo.core.http.RequestIds;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards an authorized /api/v1 request to its service and relays the answer, streaming both bodies.
 * <p>
 * Order of events: open a connection (connect timeout), stream the request body through a size limit, arm the
 * response timeout once the body is sent, and on the response head pause the service's body, commit the
 * access-log entry with the service's status, then write the head and pipe the body to the client.
 * <p>
 * A GET or HEAD without a body is sent once more when the connection fails before any answer (a pooled connection
 * the service closed) or the service answers 503 with Retry-After (its database dropped a connection); one entry
 * per request all the same, with the status the client gets.
 */
@ApplicationScoped
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    /** nginx's convention for "client closed the connection before the answer". */
    static final int CLIENT_CLOSED_REQUEST = 499;
    /** How much of a request body may wait to be written to the service before the client is paused. */
    static final int UPLOAD_QUEUE_BYTES = 1024 * 1024;
    /** Methods that may be sent twice (RFC 9110 safe methods the API has), and only without a body. */
    private static final java.util.Set<HttpMethod> SAFE_METHODS = java.util.Set.of(HttpMethod.GET, HttpMethod.HEAD);
    /** Before sending again a request a service answered 503: long enough for its pool to replace a connection. */
    static final long RETRY_PAUSE_MILLIS = 250;

    private final UpstreamClient client;
    private final AccessLogWriter accessLog;
    private final LoggedReplies replies;
    private final ProblemResponses problems;
    private final long maxBodyBytes;

    UpstreamProxy(UpstreamClient client, AccessLogWriter accessLog, LoggedReplies replies, ProblemResponses problems,
            GatewayConfig config) {
        this.client = client;
        this.accessLog = accessLog;
        this.replies = replies;
        this.problems = problems;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    public void forward(RoutingContext ctx, Exchange exchange, Service service) {
        HttpServerRequest request = ctx.request();
        String declaredLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null && parseLength(declaredLength) > maxBodyBytes) {
            tooLarge(ctx, exchange);
            return;
        }
        new Forwarding(ctx, exchange, service).start();
    }

    private void tooLarge(RoutingContext ctx, Exchange exchange) {
        replies.problem(ctx, exchange,
                Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBodyBytes + " bytes.",
                        exchange.path(), exchange.requestId()),
                AccessOutcome.REJECTED_TOO_LARGE, "body over " + maxBodyBytes + " bytes", true);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // Vert.x refuses malformed lengths before routing; treat any other surprise as too large
            return Long.MAX_VALUE;
        }
    }

    /** One forwarded request. All its callbacks run on the request's Vert.x context. */
    private final class Forwarding {

        private final RoutingContext ctx;
        private final Exchange exchange;
        private final Service service;
        private HttpClientRequest upstream;
        private boolean retryable;
        private boolean retried;

        Forwarding(RoutingContext ctx, Exchange exchange, Service service) {
            this.ctx = ctx;
            this.exchange = exchange;
            this.service = service;
        }

        void start() {
            ctx.response().closeHandler(closed -> safely(this::clientGone));
            // only a request without a body can be sent twice (its body would be consumed by the first attempt)
            HttpServerRequest request = ctx.request();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            retryable = SAFE_METHODS.contains(request.method())
                    && (length == null || "0".equals(length.trim()))
                    && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
            attempt();
        }

        private void attempt() {
            HttpServerRequest request = ctx.request();
            String query = request.query();
            String pathAndQuery = exchange.path() + (query == null || query.isEmpty() ? "" : "?" + query);
            client.open(service, request.method(), pathAndQuery, ForwardedHeaders.forUpstream(request,
                    exchange.requestId()))
                    .onSuccess(opened -> safely(() -> send(opened)))
                    .onFailure(failure -> safely(() -> failed(UpstreamFailure.UNAVAILABLE, failure)));
        }

        private void send(HttpClientRequest opened) {
            this.upstream = opened;
            if (ctx.response().closed()) {
                resetUpstream();
                aborted();
                return;
            }
            upstream.response().onComplete(answer -> safely(() -> {
                if (answer.succeeded() && retryOn(answer.result())) {
                    return;
                }
                if (answer.succeeded()) {
                    relay(answer.result());
                    return;
                }
                UpstreamFailure failure = UpstreamFailure.classify(answer.cause());
                if (failure == UpstreamFailure.FAILED && retry("connection lost before an answer: " + answer.cause(), 0)) {
                    return;
                }
                failed(failure, answer.cause());
            }));
            long timeoutMillis = client.timeout(service).toMillis();
            HttpServerRequest request = ctx.request();
            // a second attempt has no body: the first one read it (and only bodiless requests are sent twice)
            if (request.isEnded() || retried) {
                upstream.idleTimeout(timeoutMillis);
                upstream.end();
                return;
            }
            if (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
                    && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                upstream.setChunked(true);
            }
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                ctx.response().writeContinue();
            }
            // a large upload is relayed in big strides: with the default 64 KB queue the client's side was paused
            // and resumed every few buffers, and the service waited for the next ones
            upstream.setWriteQueueMaxSize(UPLOAD_QUEUE_BYTES);
            BodyLimit body = new BodyLimit(request, maxBodyBytes, () -> {
                exchange.markBodyTooLarge();
                resetUpstream();
            });
            // endOnFailure(false): a body cut short must reset the service's request, never look complete to it
            body.pipe().endOnFailure(false).to(upstream).onComplete(sent -> safely(() -> {
                if (sent.succeeded()) {
                    // the response timeout starts once the service has the whole request
                    upstream.idleTimeout(timeoutMillis);
                } else if (!exchange.bodyTooLarge()) {
                    resetUpstream();
                }
            }));
        }

        /**
         * A safe request (GET or HEAD, no body) answered 503 with Retry-After, the service's word for "my database
         * is away for a moment" (a connection dropped under the request, a failover): sent once more after a short
         * pause, its first answer dropped. The second answer is relayed whatever it is.
         */
        private boolean retryOn(HttpClientResponse answer) {
            if (answer.statusCode() != 503 || answer.getHeader(HttpHeaders.RETRY_AFTER) == null || !canRetry()) {
                return false;
            }
            answer.body().onComplete(drained -> safely(() -> retry("answered 503 (retry after "
                    + answer.getHeader(HttpHeaders.RETRY_AFTER) + " s)", RETRY_PAUSE_MILLIS)));
            return true;
        }

        private boolean canRetry() {
            return retryable && !retried && !ctx.response().closed();
        }

        /**
         * Sends a safe request once more (a pooled connection the service had closed, a service's momentary 503);
         * false when it may not be.
         */
        private boolean retry(String why, long pauseMillis) {
            if (!canRetry()) {
                return false;
            }
            retried = true;
            LOG.debugf("%s service %s for request %s; sending it once more", service.segment(), why,
                    exchange.requestId());
            upstream = null;
            if (pauseMillis <= 0) {
                attempt();
            } else {
                ctx.vertx().setTimer(pauseMillis, timer -> safely(() -> {
                    if (ctx.response().closed()) {
                        aborted();
                    } else {
                        attempt();
                    }
                }));
            }
            return true;
        }

        private void relay(HttpClientResponse answer) {
            answer.pause();
            answer.exceptionHandler(failure -> LOG.debugf("answer of %s to request %s failed: %s",
                    service.segment(), exchange.requestId(), failure.toString()));
            int status = answer.statusCode();
            if (ctx.response().closed()) {
                resetUpstream();
                aborted();
                return;
            }
            accessLog.record(exchange, status, outcomeOf(status), reasonOf(status)).onComplete(logged -> safely(() -> {
                HttpServerResponse response = ctx.response();
                if (logged.failed()) {
                    resetUpstream();
                    problems.send(response, Problem.of(ProblemType.ACCESS_LOG_UNAVAILABLE,
                            "The request could not be recorded in the access log, so the answer was withheld.",
                            exchange.path(), exchange.requestId()));
                    return;
                }
                if (response.closed()) {
                    resetUpstream();
                    return;
                }
                response.setStatusCode(status);
                ForwardedHeaders.copyResponseHeaders(answer.headers(), response.headers());
                response.headers().set(RequestIds.HEADER, exchange.requestId());
                if (answer.getHeader(HttpHeaders.CONTENT_LENGTH) == null && mayHaveBody(status)) {
                    response.setChunked(true);
                }
                answer.pipe().endOnFailure(false).to(response).onFailure(failure -> {
                    LOG.debugf("response body from %s cut short for request %s: %s", service.segment(),
                            exchange.requestId(), failure.getMessage());
                    response.reset();
                });
            }));
        }

        private boolean mayHaveBody(int status) {
            return ctx.request().method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
        }

        private AccessOutcome outcomeOf(int status) {
            if (status == 401) {
                return AccessOutcome.DENIED_UNAUTHENTICATED;
            }
            if (status == 403) {
                return AccessOutcome.DENIED_ROLE;
            }
            return exchange.crossTenant() ? AccessOutcome.ALLOWED_CROSS_TENANT : AccessOutcome.ALLOWED;
        }

        private String reasonOf(int status) {
            String byService = status == 401 ? service.segment() + " service rejected the token"
                    : status == 403 ? service.segment() + " service refused the operation" : null;
            if (!exchange.crossTenant()) {
                return byService;
            }
            String crossTenant = "cross-tenant access to '" + exchange.clientId() + "' by role";
            return byService == null ? crossTenant : crossTenant + "; " + byService;
        }

        private void failed(UpstreamFailure failure, Throwable cause) {
            if (ctx.response().closed()) {
                aborted();
                return;
            }
            if (exchange.bodyTooLarge()) {
                tooLarge(ctx, exchange);
                return;
            }
            LOG.warnf("%s service %s for request %s: %s", service.segment(),
                    failure.name().toLowerCase(Locale.ROOT), exchange.requestId(), cause.toString());
            Problem problem = Problem.of(failure.problemType(), failure.describe(service), exchange.path(),
                    exchange.requestId()).withService(service.segment());
            replies.problem(ctx, exchange, problem, AccessOutcome.UPSTREAM_ERROR,
                    service.segment() + " " + failure.name().toLowerCase(Locale.ROOT) + ": " + cause, false);
        }

        private void clientGone() {
            exchange.markClientGone();
            resetUpstream();
            aborted();
        }

        /** Abandons the service's request; its failure is expected, so it is not reported again. */
        private void resetUpstream() {
            if (upstream == null) {
                return;
            }
            try {
                upstream.exceptionHandler(failure -> LOG.debugf("request %s to %s abandoned: %s",
                        exchange.requestId(), service.segment(), failure.toString()));
            } catch (IllegalStateException alreadySent) {
                // the whole request is sent: Vert.x takes no handler any more, and reports nothing either
            }
            upstream.reset();
        }

        /** Runs a callback; if it throws, the client still gets an answer (or a cut connection), never silence. */
        private void safely(Runnable step) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "request %s to %s failed in the gateway", exchange.requestId(), service.segment());
                HttpServerResponse response = ctx.response();
                if (response.ended() || response.closed()) {
                    return;
                }
                if (response.headWritten() || exchange.logged()) {
                    response.reset();
                    return;
                }
                replies.problem(ctx, exchange, ProblemType.INTERNAL_ERROR, "The gateway failed to handle the request.",
                        AccessOutcome.GATEWAY_ERROR, "gateway error: " + e);
            }
        }

        private void aborted() {
            accessLog.record(exchange, CLIENT_CLOSED_REQUEST, AccessOutcome.CLIENT_ABORTED,
                    "client closed the connection before the answer");
        }
    }
}
