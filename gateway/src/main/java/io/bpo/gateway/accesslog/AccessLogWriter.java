package io.bpo.gateway.accesslog;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.bpo.gateway.request.Exchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Writes one entry per request. Callers wait for the returned future before answering the client: an
 * answer the log does not hold is never sent.
 */
@ApplicationScoped
public class AccessLogWriter {

    private static final Logger LOG = Logger.getLogger(AccessLogWriter.class);

    private final Vertx vertx;
    private final AccessLogRepository repository;
    private final MeterRegistry registry;

    AccessLogWriter(Vertx vertx, AccessLogRepository repository, MeterRegistry registry) {
        this.vertx = vertx;
        this.repository = repository;
        this.registry = registry;
    }

    /**
     * Commits the exchange's entry on a worker thread (JDBC blocks) and completes on the caller's Vert.x
     * context. A second call for the same exchange does nothing: every request has exactly one entry.
     */
    public Future<Void> record(Exchange exchange, int status, AccessOutcome outcome, String reason) {
        if (!exchange.claimLogEntry()) {
            return Future.succeededFuture();
        }
        AccessLogEntry entry = AccessLogEntry.of(exchange, status, outcome, reason);
        count(entry);
        return vertx.<Void>executeBlocking(() -> {
            repository.append(entry);
            return null;
        }, false).onFailure(failure -> LOG.errorf(failure,
                "access log entry for request %s could not be written; the response is withheld",
                exchange.requestId()));
    }

    private void count(AccessLogEntry entry) {
        Counter.builder("bpo.gateway.requests")
                .description("Requests to /api/v1 by service and access-log outcome")
                .tag("service", entry.service() == null ? "none" : entry.service())
                .tag("outcome", entry.outcome().name())
                .register(registry)
                .increment();
    }
}
