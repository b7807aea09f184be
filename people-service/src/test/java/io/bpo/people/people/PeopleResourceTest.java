package io.bpo.people.people;

import static io.bpo.people.support.Api.PROBLEM;
import static io.bpo.people.support.Api.as;
import static io.bpo.people.support.Api.people;
import static io.bpo.people.support.FakeKeycloakAndServices.EMAILS;
import static io.bpo.people.support.FakeKeycloakAndServices.LOGOUTS;
import static io.bpo.people.support.FakeKeycloakAndServices.USERS;
import static io.bpo.people.support.FakeKeycloakAndServices.USER_ROLES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.bpo.kit.testing.Tokens;
import io.bpo.people.support.FakeKeycloakAndServices;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The people of a client: invitations, role changes and removals, by whom, and never across clients. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeKeycloakAndServices.class, scope = TestResourceScope.GLOBAL)
class PeopleResourceTest {

    static final String ACME = "people-acme";
    static final String GLOBEX = "people-globex";
    static final String MANAGER = Tokens.token("people-alice", "client-manager", ACME);
    static final String VIEWER = Tokens.token("people-victor", "client-viewer", ACME);
    static final String OTHER_MANAGER = Tokens.token("people-bob", "client-manager", GLOBEX);
    static final String ADMIN = Tokens.token("people-frank", "provider-admin");

    private static String invite(String token, String client, String email, String role) {
        return as(token).body(Map.of("email", email, "firstName", "Grace", "lastName", "Hopper", "role", role))
                .post(people(client) + "/invitations").then().statusCode(201).extract().path("id");
    }

    @Test
    void aClientManagerInvitesAViewerWhoGetsTheOneTimeLinkByEmail() {
        String id = as(MANAGER).body(Map.of("email", "Grace.Viewer@acme.example", "firstName", "Grace",
                "lastName", "Hopper", "role", "client-viewer"))
                .post(people(ACME) + "/invitations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/clients/" + ACME + "/people/"))
                .body("username", equalTo("grace.viewer@acme.example"))
                .body("roles", equalTo(List.of("client-viewer")))
                .body("kind", equalTo("CLIENT"))
                .body("invitationPending", equalTo(true))
                .extract().path("id");

        assertEquals(List.of("client-" + ACME), FakeKeycloakAndServices.groupsOf(id));
        assertTrue(EMAILS.contains(id + " [\"UPDATE_PASSWORD\",\"VERIFY_EMAIL\"] client_id=bpo-portal"),
                EMAILS::toString);
        as(MANAGER).get(people(ACME)).then().statusCode(200).body("id", hasItem(id));
        // the client's group names the client in its tenants attribute: membership is what puts it in tokens
        assertEquals("[\"" + ACME + "\"]", FakeKeycloakAndServices.groupNamed("client-" + ACME)
                .getJsonObject("attributes").getJsonArray("tenants").encode());
    }

    @Test
    void invitingAMemberAgainSendsNothing() {
        String id = invite(MANAGER, ACME, "again@acme.example", "client-viewer");
        int sent = EMAILS.size();
        as(MANAGER).body(Map.of("email", "again@acme.example", "firstName", "A", "lastName", "B",
                "role", "client-viewer")).post(people(ACME) + "/invitations")
                .then().statusCode(200).body("id", equalTo(id));
        assertEquals(sent, EMAILS.size());
    }

    @Test
    void anInvitationNamesEachInvalidField() {
        as(MANAGER).body(Map.of("email", "not-an-email", "firstName", "", "lastName", "Hopper",
                "role", "client-viewer")).post(people(ACME) + "/invitations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(containsString("email")))
                .body("errors.field", hasItem(containsString("firstName")));
        as(MANAGER).body(Map.of("email", "role@acme.example", "firstName", "R", "lastName", "S",
                "role", "provider-admin")).post(people(ACME) + "/invitations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("role"));
    }

    @Test
    void aViewerCannotInviteChangeOrRemove() {
        String id = invite(MANAGER, ACME, "target-viewer@acme.example", "client-viewer");
        as(VIEWER).body(Map.of("email", "x@acme.example", "firstName", "X", "lastName", "Y", "role", "client-viewer"))
                .post(people(ACME) + "/invitations").then().statusCode(403).contentType(PROBLEM);
        as(VIEWER).body(Map.of("role", "client-manager")).put(people(ACME) + "/" + id + "/role")
                .then().statusCode(403);
        as(VIEWER).delete(people(ACME) + "/" + id).then().statusCode(403);
        as(VIEWER).get(people(ACME)).then().statusCode(403);
    }

    @Test
    void aManagerOfAnotherClientCannotTouchThisClientsPeople() {
        String id = invite(MANAGER, ACME, "cross@acme.example", "client-viewer");
        as(OTHER_MANAGER).get(people(ACME)).then().statusCode(403).contentType(PROBLEM);
        as(OTHER_MANAGER).body(Map.of("email", "intruder@acme.example", "firstName", "I", "lastName", "N",
                "role", "client-manager")).post(people(ACME) + "/invitations").then().statusCode(403);
        // through their own client's path, this client's person does not exist
        as(OTHER_MANAGER).get(people(GLOBEX) + "/" + id).then().statusCode(404).contentType(PROBLEM);
        as(OTHER_MANAGER).body(Map.of("role", "client-manager")).put(people(GLOBEX) + "/" + id + "/role")
                .then().statusCode(404);
        as(OTHER_MANAGER).delete(people(GLOBEX) + "/" + id).then().statusCode(404);
        assertEquals(Set.of("client-viewer"), USER_ROLES.get(id));
        assertTrue(USERS.get(id).getBoolean("enabled"));
    }

    @Test
    void aRoleChangeStaysWithinClientRolesAndRevokesTheTokens() {
        String id = invite(MANAGER, ACME, "promoted@acme.example", "client-viewer");
        as(MANAGER).body(Map.of("role", "account-manager")).put(people(ACME) + "/" + id + "/role")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));

        as(MANAGER).body(Map.of("role", "client-manager")).put(people(ACME) + "/" + id + "/role")
                .then().statusCode(200).body("roles", equalTo(List.of("client-manager")));
        assertEquals(Set.of("client-manager"), USER_ROLES.get(id));
        assertTrue(LOGOUTS.contains(id));
        given().get("/internal/revocations").then().statusCode(200).body("subjects.subject", hasItem(id));
    }

    @Test
    void removingAPersonDisablesThemTakesThemOutAndRevokesTheTokens() {
        String id = invite(MANAGER, ACME, "leaver@acme.example", "client-viewer");
        as(MANAGER).delete(people(ACME) + "/" + id).then().statusCode(204);

        assertFalse(USERS.get(id).getBoolean("enabled"));
        assertEquals(List.of(), FakeKeycloakAndServices.groupsOf(id));
        as(MANAGER).get(people(ACME)).then().statusCode(200).body("id", not(hasItem(id)));
        given().get("/internal/revocations").then().body("subjects.subject", hasItem(id));
    }

    @Test
    void providerAdminsAssignStaffWhomClientManagersCannotRemove() {
        FakeKeycloakAndServices.addUser("people-dave", Set.of(), null);
        String agent = as(ADMIN).body(Map.of("username", "people-dave", "role", "agent"))
                .post("/api/v1/admin/clients/" + ACME + "/staff")
                .then().statusCode(200).body("kind", equalTo("PROVIDER")).extract().path("id");
        as(MANAGER).body(Map.of("username", "people-dave", "role", "agent"))
                .post("/api/v1/admin/clients/" + ACME + "/staff").then().statusCode(403);

        as(MANAGER).get(people(ACME) + "?role=agent").then().statusCode(200)
                .body("id", equalTo(List.of(agent)));
        as(MANAGER).get(people(ACME) + "?role=janitor").then().statusCode(400).body("errors[0].field",
                equalTo("role"));
        as(MANAGER).delete(people(ACME) + "/" + agent).then().statusCode(403);
        as(ADMIN).delete(people(ACME) + "/" + agent).then().statusCode(204);
        assertTrue(USERS.get(agent).getBoolean("enabled"), "staff are unassigned, not disabled");
    }

    @Test
    void peopleCarryingTheClientInTheirOwnAttributeAreMembersToo() {
        String legacy = FakeKeycloakAndServices.addUser("people-legacy", Set.of("client-manager"), ACME);
        as(ADMIN).get(people(ACME) + "/" + legacy).then().statusCode(200).body("username", equalTo("people-legacy"));
        as(ADMIN).delete(people(ACME) + "/" + legacy).then().statusCode(204);
        assertEquals("[]", USERS.get(legacy).getJsonObject("attributes").getJsonArray("tenants").encode());
    }
}
