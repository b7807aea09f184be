package io.bpo.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bpo.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * What the gateway refuses although the token is valid (decision 0033): requests for a suspended client, tokens
 * whose only clients are suspended, and tokens of a person revoked after they were issued (removed, role changed,
 * signed out). A copy of people-service's revocation feed, read every {@code poll-interval}; it is checked on
 * every request, cached token or not, so the verified-token cache needs no bound of its own for revocations.
 * <p>
 * When the feed cannot be read the last copy stays in force (a revocation already seen is never forgotten), the
 * failure is logged and counted ({@code bpo_gateway_revocations_poll_failures_total}), and its age is a gauge
 * ({@code bpo_gateway_revocations_age_seconds}) to alert on: people-service down does not take the platform down.
 */
@ApplicationScoped
public class RevocationView {

    private static final Logger LOG = Logger.getLogger(RevocationView.class);

    /** Why a request with a valid token is refused. */
    public enum Refusal { TOKEN_REVOKED, CLIENT_SUSPENDED }

    record Snapshot(Set<String> suspendedClients, Map<String, Instant> revokedSubjects, Instant readAt) {
        static final Snapshot EMPTY = new Snapshot(Set.of(), Map.of(), Instant.EPOCH);
    }

    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final Counter failures;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile boolean failing;
    private ScheduledExecutorService poller;

    RevocationView(GatewayConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.mapper = mapper;
        this.failures = Counter.builder("bpo.gateway.revocations.poll.failures")
                .description("Reads of people-service's revocation feed that failed").register(registry);
        Gauge.builder("bpo.gateway.revocations.age.seconds", this,
                view -> Duration.between(view.snapshot.readAt(), Instant.now()).toSeconds())
                .description("Age of the revocation view in force").register(registry);
    }

    void start(@Observes StartupEvent event) {
        config.revocations().url().ifPresent(url -> {
            poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "revocation-view");
                thread.setDaemon(true);
                return thread;
            });
            long every = config.revocations().pollInterval().toMillis();
            poller.scheduleWithFixedDelay(() -> refresh(url), 0, every, TimeUnit.MILLISECONDS);
        });
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Null when the request may go on; else why it is refused. {@code issuedAt} in epoch seconds (0: unknown). */
    public Refusal check(Caller caller, long issuedAt, String clientId, List<String> crossTenantRoles) {
        Snapshot current = snapshot;
        Instant revokedAt = current.revokedSubjects().get(caller.subject());
        if (revokedAt != null && issuedAt <= revokedAt.getEpochSecond()) {
            return Refusal.TOKEN_REVOKED;
        }
        if (current.suspendedClients().isEmpty() || caller.hasAnyRole(crossTenantRoles)) {
            return null;
        }
        if (clientId != null) {
            return current.suspendedClients().contains(clientId) ? Refusal.CLIENT_SUSPENDED : null;
        }
        return !caller.tenants().isEmpty() && current.suspendedClients().containsAll(caller.tenants())
                ? Refusal.CLIENT_SUSPENDED : null;
    }

    void refresh(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode());
            }
            snapshot = parse(mapper.readTree(response.body()));
            if (failing) {
                LOG.infof("revocation feed %s readable again", url);
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            failed(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(String url, Exception e) {
        failures.increment();
        if (!failing) {
            LOG.warnf("revocation feed %s unreadable (%s): the last view (read %s) stays in force", url, e.toString(),
                    snapshot.readAt());
            failing = true;
        }
    }

    private static Snapshot parse(JsonNode feed) {
        Set<String> suspended = new HashSet<>();
        feed.path("suspendedClients").forEach(node -> suspended.add(node.asText()));
        Map<String, Instant> subjects = new HashMap<>();
        feed.path("subjects").forEach(node -> subjects.put(node.path("subject").asText(),
                Instant.parse(node.path("revokedAt").asText())));
        return new Snapshot(Set.copyOf(suspended), Map.copyOf(subjects), Instant.now());
    }

    /** The view in force (tests). */
    Snapshot snapshot() {
        return snapshot;
    }
}
