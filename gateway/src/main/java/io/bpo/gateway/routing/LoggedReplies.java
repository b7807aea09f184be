package io.bpo.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;

import io.bpo.gateway.accesslog.AccessLogWriter;
import io.bpo.gateway.accesslog.AccessOutcome;
import io.bpo.gateway.problem.Problem;
import io.bpo.gateway.problem.ProblemResponses;
import io.bpo.gateway.problem.ProblemType;
import io.bpo.gateway.request.Exchange;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** Answers an /api/v1 request with a problem, once its access-log entry is committed. */
@ApplicationScoped
public class LoggedReplies {

    private final AccessLogWriter accessLog;
    private final ProblemResponses problems;

    LoggedReplies(AccessLogWriter accessLog, ProblemResponses problems) {
        this.accessLog = accessLog;
        this.problems = problems;
    }

    public void problem(RoutingContext ctx, Exchange exchange, ProblemType type, String detail,
            AccessOutcome outcome, String reason) {
        problem(ctx, exchange, Problem.of(type, detail, exchange.path(), exchange.requestId()), outcome, reason, false);
    }

    /**
     * @param closeConnection true when the rest of the request body must not be read (it is too large): the
     *        connection is closed after the answer instead of being drained for the next request
     */
    public void problem(RoutingContext ctx, Exchange exchange, Problem problem, AccessOutcome outcome, String reason,
            boolean closeConnection) {
        if (closeConnection) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        } else {
            discardBody(ctx.request());
        }
        accessLog.record(exchange, problem.status(), outcome, reason).onComplete(logged -> {
            if (logged.succeeded()) {
                problems.send(ctx.response(), problem);
            } else {
                problems.send(ctx.response(), Problem.of(ProblemType.ACCESS_LOG_UNAVAILABLE,
                        "The request could not be recorded in the access log, so it was not served.",
                        exchange.path(), exchange.requestId()));
            }
        });
    }

    /** Reads and drops whatever body the refused request still has, so the connection can serve the next one. */
    static void discardBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return;
        }
        request.handler(chunk -> {
        });
        request.resume();
    }
}
