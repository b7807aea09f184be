package io.bpo.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Posts a batch of events to notifications-service as the producing service itself: a client-credentials token of
 * the service's own account (role event-publisher), renewed when it expires or is refused.
 */
@ApplicationScoped
public class EventSink {
    @Inject
    OidcClient oidcClient;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Tokens tokens;

    /** Returns normally only when the receiver answered 2xx: every event of the batch is then stored there. */
    public void deliver(URI target, List<OutboxEvent> events) throws IOException, InterruptedException {
        String body = body(events);
        HttpResponse<String> response = post(target, body, token(false));
        if (response.statusCode() == 401) {
            response = post(target, body, token(true));
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Event intake " + target + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
    }

    private HttpResponse<String> post(URI target, String body, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.relay().requestTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String token(boolean renew) {
        Tokens current = tokens;
        if (renew || current == null || current.isAccessTokenExpired()
                || current.isAccessTokenWithinRefreshInterval()) {
            current = oidcClient.getTokens().await().atMost(Duration.ofSeconds(10));
            tokens = current;
        }
        return current.getAccessToken();
    }

    private String body(List<OutboxEvent> events) {
        try {
            return mapper.writeValueAsString(Map.of("events", events));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Events not serialisable", e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
