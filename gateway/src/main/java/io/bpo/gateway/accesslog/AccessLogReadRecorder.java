package io.bpo.gateway.accesslog;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.bpo.gateway.problem.Problem;
import io.bpo.gateway.problem.ProblemResponses;
import io.bpo.gateway.problem.ProblemType;
import io.bpo.gateway.request.Exchange;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;

/**
 * Records reads of the access log (the gateway's only Quarkus REST endpoint under /api/v1): once the status is
 * known and before the response is written. If the entry cannot be written the read is not served.
 */
public class AccessLogReadRecorder {

    private final AccessLogWriter writer;
    private final CurrentVertxRequest currentRequest;
    private final ProblemResponses problems;

    AccessLogReadRecorder(AccessLogWriter writer, CurrentVertxRequest currentRequest, ProblemResponses problems) {
        this.writer = writer;
        this.currentRequest = currentRequest;
        this.problems = problems;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerResponseContext response) {
        Exchange exchange = Exchange.of(currentRequest.getCurrent());
        if (exchange == null || exchange.logged()) {
            return Uni.createFrom().voidItem();
        }
        int status = response.getStatus();
        AccessOutcome outcome = exchange.outcome() != null && status >= 400 ? exchange.outcome() : outcomeOf(status);
        return Uni.createFrom()
                .completionStage(() -> writer.record(exchange, status, outcome, null).toCompletionStage())
                .onFailure().recoverWithItem(failure -> {
                    Problem problem = Problem.of(ProblemType.ACCESS_LOG_UNAVAILABLE,
                            "The read could not be recorded in the access log, so it was not served.",
                            exchange.path(), exchange.requestId());
                    response.setStatus(problem.status());
                    response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
                    response.getHeaders().putSingle("Retry-After", ProblemResponses.retryAfter());
                    response.setEntity(problems.toJson(problem), null, MediaType.valueOf(Problem.MEDIA_TYPE));
                    return null;
                });
    }

    private static AccessOutcome outcomeOf(int status) {
        if (status < 400) {
            return AccessOutcome.ALLOWED;
        }
        if (status == 401) {
            return AccessOutcome.DENIED_UNAUTHENTICATED;
        }
        if (status == 403) {
            return AccessOutcome.DENIED_ROLE;
        }
        if (status == 429) {
            return AccessOutcome.RATE_LIMITED;
        }
        return status >= 500 ? AccessOutcome.GATEWAY_ERROR : AccessOutcome.REJECTED_INVALID;
    }
}
