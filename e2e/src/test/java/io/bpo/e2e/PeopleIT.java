package io.bpo.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A client's life through the gateway, with the real Keycloak and the local mail server: the provider
 * administrator onboards a client and invites its manager; the manager reads the e-mail, follows the one-time link,
 * sets a password, signs in with the password grant and invites a viewer; a role change, a suspension and a
 * sign-out each get the person's still-valid token refused within 10 s; offboarding yields an archive whose hashes
 * verify. The steps run in order on one fresh client.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleIT extends PlatformClient {

    static final Duration REVOCATION_BOUND = Duration.ofSeconds(10);
    static final String CLIENT = "e2e-people-" + UUID.randomUUID().toString().substring(0, 8);
    static final String MANAGER = "manager@" + CLIENT + ".example";
    static final String VIEWER = "viewer@" + CLIENT + ".example";
    static final String MANAGER_PASSWORD = "Manager-" + UUID.randomUUID();
    static final String VIEWER_PASSWORD = "Viewer-" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();

    static String managerToken;
    static String viewerId;

    @Test
    @Order(1)
    void aProviderAdminOnboardsTheClientInOneIdempotentStep() {
        Map<String, Object> client = Map.of("id", CLIENT, "legalName", "People IT SARL", "country", "FR");
        as(FRANK).body(client).post("/api/v1/admin/clients").then().statusCode(201).body("status", equalTo("ACTIVE"));
        as(FRANK).body(client).post("/api/v1/admin/clients").then().statusCode(200).body("status", equalTo("ACTIVE"));
        // the registry entry lives in contracts-service
        as(FRANK).get("/api/v1/clients/" + CLIENT).then().statusCode(200).body("legalName", equalTo("People IT SARL"));
        as(ALICE).body(client).post("/api/v1/admin/clients").then().statusCode(403);
    }

    @Test
    @Order(2)
    void theInvitedManagerSetsAPasswordThroughTheEmailedLinkAndSignsIn() throws Exception {
        as(FRANK).body(Map.of("email", MANAGER, "firstName", "Marie", "lastName", "Curie"))
                .post("/api/v1/admin/clients/" + CLIENT + "/manager-invitation")
                .then().statusCode(201).body("invitationPending", equalTo(true));

        JsonPath tokens = Invitations.accept(MANAGER, MANAGER_PASSWORD, password -> tokenResponse(MANAGER, password));
        managerToken = tokens.getString("access_token");
        JsonNode claims = claims(managerToken);
        assertEquals(CLIENT, claims.path("tenants").get(0).asText(), "the client's group puts it in the token");
        assertTrue(claims.path("realm_access").path("roles").toString().contains("client-manager"));
    }

    @Test
    @Order(3)
    void theManagerInvitesAViewerOfTheirClientAndOfNoOther() throws Exception {
        viewerId = withToken(managerToken).body(Map.of("email", VIEWER, "firstName", "Vera", "lastName", "Rubin",
                "role", "client-viewer")).post("/api/v1/clients/" + CLIENT + "/people/invitations")
                .then().statusCode(201).extract().path("id");
        withToken(managerToken).get("/api/v1/clients/" + CLIENT + "/people").then().statusCode(200)
                .body("username", hasItems(MANAGER, VIEWER));
        // another client's people are out of reach, at the gateway
        withToken(managerToken).get("/api/v1/clients/" + ACME + "/people").then().statusCode(403);
        as(BOB).get("/api/v1/clients/" + CLIENT + "/people").then().statusCode(403);

        assertNotNull(Invitations.accept(VIEWER, VIEWER_PASSWORD, password -> tokenResponse(VIEWER, password))
                .getString("access_token"));
    }

    @Test
    @Order(4)
    void aRoleChangeRefusesThePersonsTokenWithinTenSeconds() {
        String viewerToken = signIn(VIEWER, VIEWER_PASSWORD).getString("access_token");
        withToken(viewerToken).get("/api/v1/clients/" + CLIENT).then().statusCode(200);
        withToken(managerToken).body(Map.of("role", "client-manager"))
                .put("/api/v1/clients/" + CLIENT + "/people/" + viewerId + "/role")
                .then().statusCode(200).body("roles", hasItem("client-manager"));
        refusedWithin(() -> withToken(viewerToken).get("/api/v1/clients/" + CLIENT).statusCode(), 401);
    }

    @Test
    @Order(5)
    void suspendingTheClientRefusesItsPeoplesTokensWithinTenSecondsAndResumingLetsThemBack() {
        withToken(managerToken).get("/api/v1/clients/" + CLIENT + "/people").then().statusCode(200);
        as(FRANK).post("/api/v1/admin/clients/" + CLIENT + "/suspend").then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        refusedWithin(() -> withToken(managerToken).get("/api/v1/clients/" + CLIENT + "/people").statusCode(), 403);
        withToken(managerToken).get("/api/v1/clients/" + CLIENT).then().statusCode(403)
                .body("type", equalTo("https://bpo.example/problems/client-suspended"));
        // auditors still read the log, which names the refusals
        as(ERIN).queryParam("clientId", CLIENT).get("/api/v1/audit/access-log").then().statusCode(200)
                .body("items.reason", hasItem("client suspended"));

        as(FRANK).post("/api/v1/admin/clients/" + CLIENT + "/resume").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        // the suspension ended the people's sessions: they sign in again, and are let in
        String fresh = signIn(MANAGER, MANAGER_PASSWORD).getString("access_token");
        refusedWithin(() -> withToken(fresh).get("/api/v1/clients/" + CLIENT + "/people").statusCode(), 200);
    }

    @Test
    @Order(6)
    void signingOutRefusesTheAccessTokenStillInHandWithinTenSeconds() {
        JsonPath session = signIn(MANAGER, MANAGER_PASSWORD);
        String access = session.getString("access_token");
        withToken(access).get("/api/v1/clients/" + CLIENT).then().statusCode(200);
        given().baseUri(TOKEN_URL.replace("/token", "/logout")).contentType(ContentType.URLENC)
                .formParam("client_id", "bpo-portal").formParam("refresh_token", session.getString("refresh_token"))
                .post().then().statusCode(204);
        refusedWithin(() -> withToken(access).get("/api/v1/clients/" + CLIENT).statusCode(), 401);
    }

    @Test
    @Order(7)
    void offboardingYieldsAnArchiveWhoseHashesVerify() throws Exception {
        Response offboarded = as(FRANK).post("/api/v1/admin/clients/" + CLIENT + "/offboard");
        offboarded.then().statusCode(200).body("status", equalTo("OFFBOARDED"));
        String href = offboarded.path("exports[0].href");
        String archiveHash = offboarded.path("exports[0].sha256");
        as(FRANK).post("/api/v1/admin/clients/" + CLIENT + "/offboard").then().statusCode(200)
                .body("exports.size()", equalTo(1));

        byte[] zip = given().spec(gateway()).auth().oauth2(token(FRANK)).accept("application/zip").get(href)
                .then().statusCode(200).extract().asByteArray();
        assertEquals(archiveHash, sha256(zip));
        Map<String, byte[]> files = unzip(zip);
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertEquals(CLIENT, manifest.path("clientId").asText());
        for (JsonNode file : manifest.path("files")) {
            assertEquals(file.path("sha256").asText(), sha256(files.get(file.path("path").asText())),
                    file.path("path").asText());
        }
        for (String line : new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split("  ", 2);
            assertEquals(parts[0], sha256(files.get(parts[1])), parts[1]);
        }
        assertTrue(new String(files.get("people/people.csv"), StandardCharsets.UTF_8).contains(VIEWER));
        assertEquals("People IT SARL", JSON.readTree(files.get("contracts/client.json")).path("legalName").asText());
        // the exporter read every service through its API
        for (JsonNode source : manifest.path("sources")) {
            assertEquals("exported", source.path("status").asText(), source.toString());
        }
    }

    private static void refusedWithin(IntSupplier status, int expected) {
        Instant start = Instant.now();
        int last = -1;
        while (Duration.between(start, Instant.now()).compareTo(REVOCATION_BOUND) < 0) {
            last = status.getAsInt();
            if (last == expected) {
                return;
            }
            sleep();
        }
        throw new AssertionError("still " + last + " after " + REVOCATION_BOUND + " (expected " + expected + ")");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return given().spec(gateway()).auth().oauth2(token);
    }

    private static JsonPath signIn(String username, String password) {
        Response response = tokenResponse(username, password);
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath();
    }

    private static Response tokenResponse(String username, String password) {
        return given().baseUri(TOKEN_URL).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "bpo-portal")
                .formParam("username", username).formParam("password", password).post();
    }

    private static JsonNode claims(String token) throws IOException {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
