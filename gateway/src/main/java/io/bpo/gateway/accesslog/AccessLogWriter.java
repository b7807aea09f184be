package io.bpo.gateway.accesslog;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.bpo.gateway.config.GatewayConfig;
import io.bpo.gateway.request.Exchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes one entry per request. Callers wait for the returned future before answering the client: an
 * answer the log does not hold is never sent.
 * <p>
 * Entries go through a {@link GroupCommitter}: one writer thread commits everything pending in one transaction
 * (group commit), so under concurrency many answers share one commit instead of paying one each. Each future
 * still completes only once its own entry is committed, on the caller's Vert.x context.
 */
@Startup
@ApplicationScoped
public class AccessLogWriter {

    private static final Logger LOG = Logger.getLogger(AccessLogWriter.class);
    static final String BENCH_PROFILE = "bench";

    private final Vertx vertx;
    private final AccessLogRepository repository;
    private final MeterRegistry registry;
    private final GatewayConfig.AccessLog config;
    private GroupCommitter committer;
    /** Exchanges begun whose entry is not queued yet: the entries on their way, for the writer's gathering. */
    private final AtomicInteger expected = new AtomicInteger();
    /** The benchmark's log-off switch (bench profile only): answers are released without an entry. */
    private boolean off;

    AccessLogWriter(Vertx vertx, AccessLogRepository repository, MeterRegistry registry, GatewayConfig config) {
        this.vertx = vertx;
        this.repository = repository;
        this.registry = registry;
        this.config = config.accessLog();
    }

    @PostConstruct
    void start() {
        if (config.benchDisabled()) {
            List<String> profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
            if (!profiles.contains(BENCH_PROFILE)) {
                throw new IllegalStateException("bpo.gateway.access-log.bench-disabled=true is for benchmarks only "
                        + "and needs the '" + BENCH_PROFILE + "' profile (active: " + profiles
                        + "): refusing to start");
            }
            off = true;
            LOG.error("THE ACCESS LOG IS OFF (benchmark profile): no request is recorded by this gateway instance");
        }
        // through the injected proxy, so that a test's mock repository is the one that writes
        GroupCommitter.BatchWriter writer = new ReconnectingBatchWriter(repository::appendAll,
                repository::committedAmong, registry);
        committer = new GroupCommitter(writer, AccessLogRepository::isEntryError,
                config.maxBatchSize(), config.queueCapacity(), config.gatherWindow(), config.gatherSiblings(), expected::get, registry);
    }

    /** Graceful stop: what is queued is committed before the datasource goes away; later entries are refused. */
    void stop(@Observes ShutdownEvent event) {
        int pending = committer.pending();
        if (pending > 0) {
            LOG.infof("flushing %d access-log entries before stopping", pending);
        }
        committer.close(config.shutdownTimeout());
    }

    @PreDestroy
    void destroy() {
        committer.close(config.shutdownTimeout());
    }

    /**
     * Counts the exchange among the entries on their way until its entry is queued, or its response ends without
     * one: while some are, the writer may hold a batch open for them (gather window).
     */
    public void expect(Exchange exchange, RoutingContext ctx) {
        if (off || !exchange.expect()) {
            return;
        }
        expected.incrementAndGet();
        ctx.addEndHandler(ended -> release(exchange));
    }

    private void release(Exchange exchange) {
        if (exchange.releaseExpectation()) {
            expected.decrementAndGet();
        }
    }

    /**
     * Queues the exchange's entry and completes, on the caller's Vert.x context, once it is committed. A second
     * call for the same exchange does nothing: every request has exactly one entry.
     */
    public Future<Void> record(Exchange exchange, int status, AccessOutcome outcome, String reason) {
        if (!exchange.claimLogEntry() || off) {
            return Future.succeededFuture();
        }
        AccessLogEntry entry = AccessLogEntry.of(exchange, status, outcome, reason);
        count(entry);
        // before queueing, so that the last expected entry wakes a gathering writer at once
        release(exchange);
        return append(entry).onFailure(failure -> LOG.warnf(
                "access log entry for request %s could not be written (%s); the response is withheld",
                exchange.requestId(), failure.toString()));
    }

    /**
     * Queues an entry; the future completes once it is committed, or fails when it could not be (batch failed,
     * queue full, writer stopped). Completes on the caller's Vert.x context (a new one for a non-Vert.x caller).
     * Never blocks.
     */
    public Future<Void> append(AccessLogEntry entry) {
        Context context = Vertx.currentContext();
        Context target = context != null ? context : vertx.getOrCreateContext();
        Promise<Void> promise = Promise.promise();
        committer.submit(entry).whenComplete((ignored, failure) -> target.runOnContext(v -> {
            if (failure == null) {
                promise.complete();
            } else {
                promise.fail(failure);
            }
        }));
        return promise.future();
    }

    /** Entries accepted and not yet committed (also the gauge {@code bpo.accesslog.pending}). */
    public int pending() {
        return committer.pending();
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
