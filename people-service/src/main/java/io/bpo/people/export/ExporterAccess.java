package io.bpo.people.export;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.bpo.people.config.PeopleConfig;
import io.bpo.people.directory.Directory;

/**
 * The identity an export reads the services with: the confidential client {@code people-exporter}, whose service
 * account has the account-manager role and no client of its own. For one export it joins the client's group,
 * takes a client-credentials token (which then lists that client only), and leaves the group afterwards: the
 * services apply their own role and tenant checks to it, as to anyone (decision 0032).
 */
@ApplicationScoped
public class ExporterAccess {

    private final PeopleConfig config;
    private final Directory directory;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ExporterAccess(PeopleConfig config, Directory directory, ObjectMapper mapper) {
        this.config = config;
        this.directory = directory;
        this.mapper = mapper;
    }

    /** A token for this client's data; call {@link #release} in a finally block. */
    public String grant(String clientId) throws IOException, InterruptedException {
        directory.join(clientId, serviceAccountId());
        String form = "grant_type=client_credentials&client_id=" + encode(config.export().clientId())
                + "&client_secret=" + encode(config.export().clientSecret());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.export().tokenUrl()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint answered " + response.statusCode());
        }
        return mapper.readTree(response.body()).path("access_token").asText();
    }

    public void release(String clientId) {
        directory.leave(clientId, serviceAccountId());
    }

    private String serviceAccountId() {
        String username = "service-account-" + config.export().clientId();
        return directory.byUsername(username)
                .orElseThrow(() -> new IllegalStateException("no user " + username + " in the realm"))
                .getId();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
