package io.bpo.gateway.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.bpo.gateway.routing.Service;
import io.bpo.gateway.routing.UpstreamClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

/**
 * Reports whether each service answers its readiness probe. Informational only: always UP, because the
 * gateway must stay in rotation (and keep logging denials) while one service is down.
 */
@Readiness
@ApplicationScoped
public class DownstreamHealthCheck implements AsyncHealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final UpstreamClient client;

    DownstreamHealthCheck(UpstreamClient client) {
        this.client = client;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<String>> probes = new ArrayList<>();
        for (Service service : Service.values()) {
            probes.add(probe(service));
        }
        Future<HealthCheckResponse> all = Future.join(new ArrayList<>(probes)).transform(done -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream services").up();
            for (int i = 0; i < probes.size(); i++) {
                builder.withData(Service.values()[i].segment(), probes.get(i).result());
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(all::toCompletionStage);
    }

    private Future<String> probe(Service service) {
        return client.open(service, HttpMethod.GET, "/q/health/ready", MultiMap.caseInsensitiveMultiMap())
                .compose(request -> {
                    request.idleTimeout(PROBE_TIMEOUT.toMillis());
                    return request.send();
                })
                .map(response -> response.statusCode() == 200 ? "UP" : "DOWN (HTTP " + response.statusCode() + ")")
                .otherwise(failure -> "UNREACHABLE (" + failure.getClass().getSimpleName() + ")");
    }
}
