package io.bpo.reporting.report;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.answered;
import static io.bpo.reporting.Api.as;
import static io.bpo.reporting.Api.interactions;
import static io.bpo.reporting.Api.with;
import static io.bpo.reporting.contracts.ContractsStub.ACME_REPORT;
import static io.bpo.reporting.contracts.ContractsStub.REPORT_CLIENT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.testing.Tokens;
import io.bpo.reporting.contracts.ContractsStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly service review of the acme demo contract in its four forms. March 2026: 3 billing calls answered in
 * 10 s and 1 in 60 s (service level 75 %, breached; CSAT 4 < 4.2, breached); February: 2 calls in 10 s.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ContractsStub.class, scope = TestResourceScope.GLOBAL)
class ReportResourceTest {
    static final String VIEWER = Tokens.token("vera", "client-viewer", REPORT_CLIENT);
    static final String REPORT = "/api/v1/clients/" + REPORT_CLIENT + "/reporting/contracts/" + ACME_REPORT
            + "/reports/2026-03";
    static boolean arranged;

    static Map<String, Object> call(int wait, Instant at) {
        return with(with(answered("rp-" + UUID.randomUUID(), at), "waitSeconds", wait), "queue", "appels-facturation");
    }

    @BeforeEach
    void arrange() {
        if (arranged) {
            return;
        }
        List<Map<String, Object>> records = new ArrayList<>();
        Instant march = Instant.parse("2026-03-03T09:00:00Z");
        records.add(call(10, march));
        records.add(call(10, march.plusSeconds(1)));
        records.add(call(10, march.plusSeconds(2)));
        records.add(call(60, march.plusSeconds(3)));
        records.add(call(10, Instant.parse("2026-02-03T09:00:00Z")));
        records.add(call(10, Instant.parse("2026-02-03T09:00:01Z")));
        as(Tokens.token("ingest", "reporting-ingest", REPORT_CLIENT)).body(records)
                .post(interactions(REPORT_CLIENT)).then().statusCode(200);
        arranged = true;
    }

    @Test
    void jsonHasTheMonthAndTwelveMonthsPerSla() {
        as(VIEWER).accept("application/json").get(REPORT).then().statusCode(200)
                .body("frozen", equalTo(false))
                .body("month.month", equalTo("2026-03"))
                .body("month.slas[0].periods[0].value", equalTo(75.0f))
                .body("month.slas[0].status", equalTo("BREACHED"))
                .body("month.slas[0].objectives[0]", startsWith("Un assuré qui appelle"))
                .body("history", hasSize(3))
                .body("history[0].points", hasSize(12))
                .body("history[0].points[0].month", equalTo("2025-04"))
                .body("history[0].points[10].month", equalTo("2026-02"))
                .body("history[0].points[10].value", equalTo(100.0f))
                .body("history[0].points[10].status", equalTo("MET"))
                .body("history[0].points[11].value", equalTo(75.0f));
    }

    @Test
    void jsonUnlessAskedOtherwise() {
        io.restassured.RestAssured.given().auth().oauth2(VIEWER).get(REPORT).then().statusCode(200)
                .contentType(startsWith("application/json")).body("month.month", equalTo("2026-03"));
        as(VIEWER).accept("text/html,application/xhtml+xml,*/*;q=0.8").get(REPORT).then().statusCode(200)
                .contentType(startsWith("text/html"));
        as(VIEWER).accept("image/png").get(REPORT).then().statusCode(406);
    }

    @Test
    void csvHasOneRowPerSlaPeriod() {
        String csv = as(VIEWER).accept("text/csv").get(REPORT).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[0].startsWith("month,slaKey,name,metric,unit,period,periodLabel"), lines[0]);
        assertTrue(lines[1].startsWith("2026-03,niveau-de-service-20s,80 % des appels décrochés en 20 s,SERVICE_LEVEL,"),
                lines[1]);
        assertTrue(lines[1].contains(",75.00,3,4,4,GTE,80,82,20,BREACHED,-5.00,2.5,4410.00,0,0.00,EUR"), lines[1]);
    }

    @Test
    void csvCellsThatLookLikeFormulasAreDefused() {
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\""), CsvReport.cell("=HYPERLINK(\"x\")").substring(1,
                CsvReport.cell("=HYPERLINK(\"x\")").length() - 1));
        assertEquals("-5.00", CsvReport.cell("-5.00"));
        assertEquals("\"a,b\"", CsvReport.cell("a,b"));
    }

    @Test
    void htmlIsAReviewWithAChartPerSla() {
        String html = as(VIEWER).accept("text/html").get(REPORT).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertEquals(3, html.split("<svg ", -1).length - 1, "one chart per SLA");
        assertTrue(html.contains("Monthly service review: ACME-BPO-2026-01, 2026-03"));
        assertTrue(html.contains("Un assuré qui appelle est pris en charge rapidement, sans abandonner."));
        assertTrue(html.contains("<td class=\"BREACHED\">BREACHED</td>"));
        assertTrue(html.contains("4410.00 EUR"));
        assertTrue(html.contains("Provisional"));
    }

    @Test
    void pdfIsTheSameReview() throws Exception {
        byte[] pdf = as(VIEWER).accept("application/pdf").get(REPORT).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Monthly service review"), text);
            assertTrue(text.contains("BREACHED"), text);
            assertTrue(text.contains("4410.00"), text);
        }
    }

    @Test
    void aFrozenStatementIsWhatTheReportShows() {
        String statement = "/api/v1/clients/" + REPORT_CLIENT + "/reporting/contracts/" + ACME_REPORT
                + "/statements/2026-02";
        as(Tokens.token("carol", "account-manager", REPORT_CLIENT)).post(statement + "/accept").then().statusCode(200);
        String hash = as(Tokens.token("alice", "client-manager", REPORT_CLIENT)).post(statement + "/accept").then()
                .statusCode(200).extract().path("contentHash");
        as(VIEWER).accept("application/json").get(REPORT.replace("2026-03", "2026-02")).then().statusCode(200)
                .body("frozen", equalTo(true)).body("contentHash", equalTo(hash));
        String html = as(VIEWER).accept("text/html").get(REPORT.replace("2026-03", "2026-02")).then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("SHA-256 " + hash));
    }

    @Test
    void rolesClientsAndParameters() {
        as(Tokens.token("dave", "agent", REPORT_CLIENT)).accept("application/json").get(REPORT).then().statusCode(403);
        as(Tokens.token("otto", "client-viewer", "rs-report-other")).accept("text/html").get(REPORT).then()
                .statusCode(403);
        as(VIEWER).accept("application/json").get(REPORT.replace(ACME_REPORT.toString(), UUID.randomUUID().toString()))
                .then().statusCode(404).contentType(PROBLEM);
        as(VIEWER).accept("application/json").get(REPORT.replace("2026-03", "March")).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("month"));
        as(Tokens.token("carol", "account-manager", REPORT_CLIENT)).accept("text/csv").get(REPORT).then()
                .statusCode(200);
    }

    @Test
    void thePortfolioHasALinePerContractOfTheClient() {
        // March: service level 75 % (breached, 4,410.00) and CSAT 4 (breached, 1,764.00); abandonment 0 % met
        String portfolio = "/api/v1/clients/" + REPORT_CLIENT + "/reporting/portfolio";
        as(Tokens.token("carol", "account-manager", REPORT_CLIENT, "globex")).queryParam("month", "2026-03")
                .get(portfolio).then().statusCode(200)
                .body("clientId", equalTo(REPORT_CLIENT))
                .body("contracts", hasSize(1))
                .body("contracts[0].reference", equalTo("ACME-BPO-2026-01"))
                .body("contracts[0].status", equalTo("BREACHED"))
                .body("contracts[0].slas", equalTo(3))
                .body("contracts[0].breaches", equalTo(2))
                .body("contracts[0].totalCredit", equalTo(6174.00f))
                .body("contracts[0].statement", equalTo("NONE"));
        as(VIEWER).queryParam("month", "2026-03").get(portfolio).then().statusCode(403);
        as(Tokens.token("carol", "account-manager", REPORT_CLIENT)).get(portfolio).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("month"));
        as(Tokens.token("carol", "account-manager", "globex")).queryParam("month", "2026-03").get(portfolio).then()
                .statusCode(403);
    }
}
