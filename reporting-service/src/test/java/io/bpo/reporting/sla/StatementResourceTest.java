package io.bpo.reporting.sla;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.answered;
import static io.bpo.reporting.Api.as;
import static io.bpo.reporting.Api.interactions;
import static io.bpo.reporting.Api.with;
import static io.bpo.reporting.contracts.ContractsStub.ACME_STATEMENT;
import static io.bpo.reporting.contracts.ContractsStub.STATEMENT_CLIENT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.testing.Tokens;
import io.bpo.reporting.contracts.ContractsStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The life of a monthly statement: first acceptance computes it, the second freezes it, the database refuses to
 * change a frozen one, late records are reported and change nothing, an explicit recompute re-opens it and is
 * logged. Each test uses its own month of the acme demo contract (served by {@link ContractsStub}).
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ContractsStub.class, scope = TestResourceScope.GLOBAL)
class StatementResourceTest {
    static final String PROVIDER = Tokens.token("carol", "account-manager", STATEMENT_CLIENT);
    static final String CLIENT = Tokens.token("alice", "client-manager", STATEMENT_CLIENT);
    static final String VIEWER = Tokens.token("vera", "client-viewer", STATEMENT_CLIENT);
    static final String INGEST = Tokens.token("ingest", "reporting-ingest", STATEMENT_CLIENT);

    static String statement(String month) {
        return "/api/v1/clients/" + STATEMENT_CLIENT + "/reporting/contracts/" + ACME_STATEMENT + "/statements/"
                + month;
    }

    /** One answered billing call in 10 s on a Monday at 10:00 Paris time. */
    static void call(Instant at) {
        Map<String, Object> record = with(with(answered("st-" + UUID.randomUUID(), at), "waitSeconds", 10), "queue",
                "appels-facturation");
        as(INGEST).body(List.of(record)).post(interactions(STATEMENT_CLIENT)).then().statusCode(200);
    }

    /** The owner role (row-level security is forced on it too), acting for the test's client. */
    static Connection owner() throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
        try (Statement st = db.createStatement()) {
            st.execute("select set_config('app.tenant_id', '" + STATEMENT_CLIENT + "', false)");
        }
        return db;
    }

    @Test
    void bothPartiesAcceptingFreezesTheStatementWithItsHash() throws Exception {
        call(Instant.parse("2026-02-02T09:00:00Z"));
        as(PROVIDER).post(statement("2026-02") + "/accept").then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("provider.by", equalTo("carol"))
                .body("client", nullValue())
                .body("content.slas[0].periods[0].value", equalTo(100.0f));
        String hash = as(CLIENT).post(statement("2026-02") + "/accept").then().statusCode(200)
                .body("status", equalTo("FROZEN"))
                .body("client.by", equalTo("alice"))
                .body("frozenAt", notNullValue())
                .extract().path("contentHash");
        // the hash is the SHA-256 of the stored canonical content, which anyone can recompute
        try (Connection db = owner(); Statement st = db.createStatement();
                ResultSet row = st.executeQuery("select content, content_hash from sla_statements where tenant_id = '"
                        + STATEMENT_CLIENT + "' and month = date '2026-02-01'")) {
            assertTrue(row.next());
            assertEquals(hash, row.getString(2));
            assertEquals(CanonicalJson.sha256(row.getString(1)), hash);
        }
        as(VIEWER).get(statement("2026-02")).then().statusCode(200).body("contentHash", equalTo(hash))
                .body("lateRecordsPending", equalTo(false));
    }

    @Test
    void aFrozenStatementCannotBeChangedEvenInTheDatabase() throws Exception {
        call(Instant.parse("2026-03-02T09:00:00Z"));
        as(PROVIDER).post(statement("2026-03") + "/accept").then().statusCode(200);
        as(CLIENT).post(statement("2026-03") + "/accept").then().statusCode(200).body("status", equalTo("FROZEN"));
        as(CLIENT).post(statement("2026-03") + "/accept").then().statusCode(409).contentType(PROBLEM);
        try (Connection db = owner(); Statement st = db.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(
                    "update sla_statements set content = '{}' where tenant_id = '" + STATEMENT_CLIENT
                            + "' and month = date '2026-03-01'"));
            assertTrue(refused.getMessage().contains("is frozen"), refused.getMessage());
        }
    }

    @Test
    void lateRecordsArePendingUntilAnExplicitRecomputeWhichIsLogged() {
        call(Instant.parse("2026-04-07T08:00:00Z"));
        as(PROVIDER).post(statement("2026-04") + "/accept").then().statusCode(200);
        String frozenHash = as(CLIENT).post(statement("2026-04") + "/accept").then().statusCode(200)
                .extract().path("contentHash");
        // a late call answered in 60 s: pending, nothing changes
        Map<String, Object> late = with(with(answered("st-late-" + UUID.randomUUID(),
                Instant.parse("2026-04-08T08:00:00Z")), "waitSeconds", 60), "queue", "appels-facturation");
        as(INGEST).body(List.of(late)).post(interactions(STATEMENT_CLIENT)).then().statusCode(200);
        as(VIEWER).get(statement("2026-04")).then().statusCode(200)
                .body("status", equalTo("FROZEN"))
                .body("contentHash", equalTo(frozenHash))
                .body("lateRecordsPending", equalTo(true))
                .body("content.slas[0].periods[0].value", equalTo(100.0f));
        // the recompute takes the late call in (1 of 2 within 20 s = 50 %), re-opens the statement, logs it
        as(CLIENT).body(Map.of("reason", "Late records of April 8")).post(statement("2026-04") + "/recompute").then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("contentHash", not(equalTo(frozenHash)))
                .body("provider", nullValue())
                .body("lateRecordsPending", equalTo(false))
                .body("content.slas[0].periods[0].value", equalTo(50.0f));
        as(VIEWER).get(statement("2026-04") + "/recomputations").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].requestedBy", equalTo("alice"))
                .body("[0].reason", equalTo("Late records of April 8"))
                .body("[0].statusBefore", equalTo("FROZEN"))
                .body("[0].beforeHash", equalTo(frozenHash))
                .body("[0].changed", equalTo(true))
                .body("[0].before.slas[0].periods[0].value", equalTo(100.0f))
                .body("[0].after.slas[0].periods[0].value", equalTo(50.0f));
    }

    @Test
    void aRecomputeWithTheSameNumbersLeavesTheStatementFrozen() {
        call(Instant.parse("2026-05-04T08:00:00Z"));
        as(PROVIDER).post(statement("2026-05") + "/accept").then().statusCode(200);
        String hash = as(CLIENT).post(statement("2026-05") + "/accept").then().extract().path("contentHash");
        as(PROVIDER).body(Map.of("reason", "Check")).post(statement("2026-05") + "/recompute").then().statusCode(200)
                .body("status", equalTo("FROZEN")).body("contentHash", equalTo(hash));
        as(VIEWER).get(statement("2026-05") + "/recomputations").then().statusCode(200)
                .body("[0].changed", equalTo(false));
    }

    @Test
    void theSameSideCannotAcceptTwice() {
        as(PROVIDER).post(statement("2026-06") + "/accept").then().statusCode(200).body("status", equalTo("OPEN"));
        as(PROVIDER).post(statement("2026-06") + "/accept").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://bpo.example/problems/already-accepted"));
    }

    @Test
    void aMonthThatIsNotOverCannotBeAccepted() {
        as(PROVIDER).post(statement("2999-12") + "/accept").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://bpo.example/problems/month-not-over"));
    }

    @Test
    void recomputeNeedsAReasonAndAStatement() {
        as(PROVIDER).body(Map.of("reason", " ")).post(statement("2026-01") + "/recompute").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
        as(PROVIDER).body(Map.of("reason", "x")).post(statement("2026-01") + "/recompute").then().statusCode(404)
                .contentType(PROBLEM);
        as(VIEWER).get(statement("2026-01")).then().statusCode(404).contentType(PROBLEM);
        as(VIEWER).get(statement("2026-1")).then().statusCode(400).body("errors.field", hasItem("month"));
    }

    @Test
    void onlyTheTwoPartiesMayAcceptOrRecompute() {
        as(VIEWER).post(statement("2026-08") + "/accept").then().statusCode(403);
        as(INGEST).post(statement("2026-08") + "/accept").then().statusCode(403);
        as(Tokens.token("dave", "agent", STATEMENT_CLIENT)).get(statement("2026-08")).then().statusCode(403);
        as(VIEWER).body(Map.of("reason", "x")).post(statement("2026-08") + "/recompute").then().statusCode(403);
    }

    @Test
    void anotherClientsStatementIsInvisible() {
        call(Instant.parse("2026-09-07T08:00:00Z"));
        as(PROVIDER).post(statement("2026-09") + "/accept").then().statusCode(200);
        // a member of another client asking under its own id for this contract's statement: not found
        String other = Tokens.token("bob", "client-manager", "rs-stmt-other");
        as(other).get("/api/v1/clients/rs-stmt-other/reporting/contracts/" + ACME_STATEMENT + "/statements/2026-09")
                .then().statusCode(404).contentType(PROBLEM);
        // and under this client's id: not a member
        as(other).get(statement("2026-09")).then().statusCode(403);
    }
}
