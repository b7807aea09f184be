package io.bpo.people.lifecycle;

import static io.bpo.people.support.Api.PROBLEM;
import static io.bpo.people.support.Api.admin;
import static io.bpo.people.support.Api.as;
import static io.bpo.people.support.FakeKeycloakAndServices.EMAILS;
import static io.bpo.people.support.FakeKeycloakAndServices.LOGOUTS;
import static io.bpo.people.support.FakeKeycloakAndServices.REGISTRY;
import static io.bpo.people.support.FakeKeycloakAndServices.USERS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bpo.kit.testing.Tokens;
import io.bpo.people.export.ArchiveWriter;
import io.bpo.people.support.FakeKeycloakAndServices;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The provider administrator's client lifecycle: each step one call, idempotent, provider-admin only. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeKeycloakAndServices.class, scope = TestResourceScope.GLOBAL)
class LifecycleResourceTest {

    static final String ADMIN = Tokens.token("life-frank", "provider-admin");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeletionJob deletionJob;

    private static Map<String, Object> client(String id) {
        return Map.of("id", id, "legalName", "Initech SARL", "country", "FR", "sector", "Software");
    }

    private static void onboard(String id) {
        as(ADMIN).body(client(id)).post("/api/v1/admin/clients").then().statusCode(201);
    }

    @Test
    void onboardingCreatesTheRegistryEntryAndTheGroupOnceAndAnswersTheSameAgain() {
        as(ADMIN).body(client("life-initech")).post("/api/v1/admin/clients")
                .then().statusCode(201).body("clientId", equalTo("life-initech")).body("status", equalTo("ACTIVE"));
        assertEquals("Initech SARL", REGISTRY.get("life-initech").getString("legalName"));
        assertNotNull(FakeKeycloakAndServices.groupNamed("client-life-initech"));

        as(ADMIN).body(client("life-initech")).post("/api/v1/admin/clients")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertEquals(1, FakeKeycloakAndServices.GROUPS.values().stream()
                .filter(g -> g.getString("name").equals("client-life-initech")).count());
    }

    @Test
    void onboardingAClientAlreadyInTheRegistryAdoptsIt() {
        REGISTRY.put("life-legacy", new io.vertx.core.json.JsonObject().put("id", "life-legacy")
                .put("legalName", "Legacy").put("country", "FR").put("status", "ACTIVE"));
        as(ADMIN).body(client("life-legacy")).post("/api/v1/admin/clients").then().statusCode(201);
        as(ADMIN).get(admin("life-legacy")).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void onboardingNamesEachInvalidField() {
        as(ADMIN).body(Map.of("id", "Not A Slug", "legalName", "", "country", "France"))
                .post("/api/v1/admin/clients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("id")))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("legalName")))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("country")));
    }

    @Test
    void onlyProviderAdminsRunTheLifecycle() {
        onboard("life-roles");
        String manager = Tokens.token("life-alice", "client-manager", "life-roles");
        String accountManager = Tokens.token("life-carol", "account-manager", "life-roles");
        as(manager).body(client("life-other")).post("/api/v1/admin/clients").then().statusCode(403)
                .contentType(PROBLEM);
        as(manager).post(admin("life-roles") + "/suspend").then().statusCode(403);
        as(accountManager).post(admin("life-roles") + "/offboard").then().statusCode(403);
        given().post(admin("life-roles") + "/suspend").then().statusCode(401);
        as(ADMIN).get(admin("life-roles")).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void theFirstManagerIsInvitedByEmail() {
        onboard("life-first");
        String id = as(ADMIN).body(Map.of("email", "boss@first.example", "firstName", "Bo", "lastName", "Ss"))
                .post(admin("life-first") + "/manager-invitation")
                .then().statusCode(201).body("roles", equalTo(List.of("client-manager"))).extract().path("id");
        assertTrue(EMAILS.stream().anyMatch(e -> e.startsWith(id + " ")));
        as(ADMIN).body(Map.of("email", "boss@first.example", "firstName", "Bo", "lastName", "Ss"))
                .post(admin("life-first") + "/manager-invitation").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void suspendingListsTheClientInTheFeedSignsItsPeopleOutAndResumingUndoesIt() {
        onboard("life-paused");
        String id = as(ADMIN).body(Map.of("email", "p@paused.example", "firstName", "P", "lastName", "Q"))
                .post(admin("life-paused") + "/manager-invitation").then().statusCode(201).extract().path("id");

        as(ADMIN).post(admin("life-paused") + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        as(ADMIN).post(admin("life-paused") + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().get("/internal/revocations").then().body("suspendedClients", hasItem("life-paused"));
        assertTrue(LOGOUTS.contains(id));
        assertTrue(USERS.get(id).getBoolean("enabled"), "suspension keeps the people, it refuses their tokens");

        as(ADMIN).post(admin("life-paused") + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(ADMIN).post(admin("life-paused") + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().get("/internal/revocations").then().body("suspendedClients", not(hasItem("life-paused")));
    }

    @Test
    void resumingAnActiveClientThatWasNeverSuspendedIsNoConflictButOffboardedOnesCannotResume() {
        onboard("life-gone");
        as(ADMIN).post(admin("life-gone") + "/offboard").then().statusCode(200).body("status", equalTo("OFFBOARDED"));
        as(ADMIN).post(admin("life-gone") + "/resume").then().statusCode(409).contentType(PROBLEM);
        as(ADMIN).body(client("life-gone")).post("/api/v1/admin/clients").then().statusCode(409);
        as(ADMIN).post(admin("life-unknown") + "/suspend").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void offboardingExportsAnArchiveWhoseHashesVerifyThenDeletesAfterRetention() throws IOException {
        onboard("life-leaving");
        String manager = as(ADMIN).body(Map.of("email", "m@leaving.example", "firstName", "M", "lastName", "N"))
                .post(admin("life-leaving") + "/manager-invitation").then().statusCode(201).extract().path("id");

        String href = as(ADMIN).post(admin("life-leaving") + "/offboard")
                .then().statusCode(200).body("status", equalTo("OFFBOARDED"))
                .body("deletionDueAt", notNullValue()).body("exports", hasSize(1))
                .extract().path("exports[0].href");
        String sha256 = as(ADMIN).get(admin("life-leaving")).then().extract().path("exports[0].sha256");
        as(ADMIN).post(admin("life-leaving") + "/offboard").then().statusCode(200).body("exports", hasSize(1));
        assertFalse(USERS.get(manager).getBoolean("enabled"), "the client's own people are disabled");

        byte[] zip = as(ADMIN).get(href).then().statusCode(200).contentType("application/zip")
                .extract().asByteArray();
        assertEquals(sha256, ArchiveWriter.sha256(zip));
        Map<String, byte[]> files = unzip(zip);
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertEquals("life-leaving", manifest.path("clientId").asText());
        for (JsonNode file : manifest.path("files")) {
            byte[] content = files.get(file.path("path").asText());
            assertNotNull(content, file.path("path").asText());
            assertEquals(file.path("sha256").asText(), ArchiveWriter.sha256(content), file.path("path").asText());
        }
        String sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
        assertTrue(sums.contains(ArchiveWriter.sha256(files.get("contracts/contracts.csv")) + "  contracts/contracts.csv"));
        // both pages of the contracts list, as JSON and as CSV (nested values as JSON text)
        assertEquals(2, JSON.readTree(files.get("contracts/contracts.json")).size());
        assertTrue(new String(files.get("contracts/contracts.csv"), StandardCharsets.UTF_8).startsWith("id,reference,title,scope"));
        assertEquals("Initech SARL", JSON.readTree(files.get("contracts/client.json")).path("legalName").asText());
        assertTrue(new String(files.get("people/people.json"), StandardCharsets.UTF_8).contains("m@leaving.example"));
        // a source the exporter may not read is listed as not exported, with why
        JsonNode portfolio = null;
        for (JsonNode source : manifest.path("sources")) {
            if (source.path("name").asText().equals("reporting/interactions")) {
                portfolio = source;
            }
        }
        assertEquals("not exported", portfolio.path("status").asText());
        assertEquals("answered 403", portfolio.path("reason").asText());

        assertTrue(deletionJob.deleteDueNow().contains("life-leaving"));
        as(ADMIN).get(admin("life-leaving")).then().statusCode(200).body("status", equalTo("DELETED"))
                .body("exports", hasSize(0));
        assertNull(USERS.get(manager));
        assertNull(FakeKeycloakAndServices.groupNamed("client-life-leaving"));
        given().get("/internal/revocations").then().body("suspendedClients", hasItem("life-leaving"));
    }

    @Test
    void anExportOfAnotherClientIsNotFoundThroughThisClientsPath() {
        onboard("life-a");
        onboard("life-b");
        String href = as(ADMIN).post(admin("life-a") + "/offboard").then().extract().path("exports[0].href");
        String exportId = href.substring(href.lastIndexOf('/') + 1);
        as(ADMIN).get(admin("life-b") + "/exports/" + exportId).then().statusCode(404).contentType(PROBLEM);
        as(ADMIN).get(admin("life-b") + "/exports/not-a-uuid").then().statusCode(404);
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
}
