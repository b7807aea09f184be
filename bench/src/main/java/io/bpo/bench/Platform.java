package io.bpo.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running platform as the benchmarks see it: URLs and real tokens from the local Keycloak. */
final class Platform {
    static final String GATEWAY = System.getProperty("gateway.url", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("keycloak.url", "http://localhost:8180");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Platform() {
    }

    /** A password-grant access token of a demo user (password = user name, development realm only). */
    static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=bpo-portal&username=" + enc(user) + "&password=" + enc(user);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/bpo/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + user + ": " + response.body()
                    + " (is the platform up? ./platform up)");
        }
        return field(response.body(), "access_token");
    }

    static String get(String path, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** The first string value of a JSON field: enough for the few ids the benchmarks need. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
