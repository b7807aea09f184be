package io.bpo.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base class of the end-to-end suite: talks to the running platform only through the gateway, with real
 * tokens from the local Keycloak (realm {@code bpo}).
 *
 * <p>Demo users (password = user name, development only) get their tokens with the password grant of the
 * public client {@code bpo-portal}; the machine client {@code ingest-acme} with client credentials. Tokens
 * are cached per principal until shortly before they expire.
 *
 * <p>Addresses: system properties {@code gateway.url} (default http://localhost:8080) and
 * {@code keycloak.url} (default http://localhost:8180). Start the platform first: {@code ./platform up}.
 */
public abstract class PlatformClient {

    public static final String GATEWAY_URL = property("gateway.url", "http://localhost:8080");
    public static final String KEYCLOAK_URL = property("keycloak.url", "http://localhost:8180");
    public static final String REALM = "bpo";
    public static final String TOKEN_URL = KEYCLOAK_URL + "/realms/" + REALM + "/protocol/openid-connect/token";

    /** client-manager of acme */
    public static final String ALICE = "alice";
    /** client-manager of globex */
    public static final String BOB = "bob";
    /** account-manager of acme and globex */
    public static final String CAROL = "carol";
    /** agent of acme */
    public static final String DAVE = "dave";
    /** auditor, no tenant */
    public static final String ERIN = "erin";
    /** provider-admin, no tenant (cross-tenant, logged) */
    public static final String FRANK = "frank";
    /** machine client with role reporting-ingest for acme (client credentials) */
    public static final String INGEST_ACME = "ingest-acme";
    static final String INGEST_ACME_SECRET = property("ingest-acme.secret", "ingest-acme-secret");

    public static final String ACME = "acme";
    public static final String GLOBEX = "globex";

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final String PORTAL_CLIENT = "bpo-portal";
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private record CachedToken(String value, Instant refreshAfter) {
    }

    @BeforeAll
    static void platformIsRunning() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        try {
            given().baseUri(GATEWAY_URL).get("/q/health/ready").then().statusCode(200);
        } catch (Exception | AssertionError e) { // rest-assured throws ConnectException unchecked
            throw new IllegalStateException("The gateway does not answer ready at " + GATEWAY_URL
                    + "/q/health/ready: start the platform first (./platform up)", e);
        }
    }

    /** A request to the gateway as a demo user. */
    public static RequestSpecification as(String principal) {
        return given().spec(gateway()).auth().oauth2(token(principal));
    }

    /** A request to the gateway without any token. */
    public static RequestSpecification anonymous() {
        return given().spec(gateway());
    }

    /** JSON in and out, relative to the gateway's base URL. */
    public static RequestSpecification gateway() {
        return new RequestSpecBuilder()
                .setBaseUri(GATEWAY_URL)
                .setContentType(ContentType.JSON)
                .setAccept("application/json, application/problem+json")
                .build();
    }

    /**
     * A real access token of the local Keycloak: the password grant of bpo-portal for a demo user, client
     * credentials for {@link #INGEST_ACME}.
     */
    public static String token(String principal) {
        CachedToken cached = TOKENS.get(principal);
        if (cached != null && Instant.now().isBefore(cached.refreshAfter())) {
            return cached.value();
        }
        RequestSpecification request = given().baseUri(TOKEN_URL).contentType(ContentType.URLENC);
        if (INGEST_ACME.equals(principal)) {
            request.formParam("grant_type", "client_credentials")
                    .formParam("client_id", INGEST_ACME)
                    .formParam("client_secret", INGEST_ACME_SECRET);
        } else {
            request.formParam("grant_type", "password")
                    .formParam("client_id", PORTAL_CLIENT)
                    .formParam("username", principal)
                    .formParam("password", principal);
        }
        Response response = request.post();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + principal + " from " + TOKEN_URL + ": HTTP "
                    + response.statusCode() + " " + response.asString());
        }
        JsonPath json = response.jsonPath();
        String value = json.getString("access_token");
        long lifetime = json.getLong("expires_in");
        TOKENS.put(principal, new CachedToken(value, Instant.now().plusSeconds(Math.max(0, lifetime - 60))));
        return value;
    }

    /**
     * Onboards the demo clients if they are not there yet (201, or 409 when they exist), so that a suite
     * does not depend on the demo data having been loaded.
     */
    public static void ensureDemoClients() {
        ensureClient(ACME, "Acme Assurances SA", "FR", "Insurance");
        ensureClient(GLOBEX, "Globex Corporation", "US", "Telecommunications");
    }

    public static void ensureClient(String id, String legalName, String country, String sector) {
        int status = as(FRANK)
                .body(Map.of("id", id, "legalName", legalName, "country", country, "sector", sector))
                .post("/api/v1/clients")
                .statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not onboard client " + id + " as " + FRANK + ": HTTP " + status);
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }
}
