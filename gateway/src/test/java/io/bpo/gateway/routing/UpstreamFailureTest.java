package io.bpo.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.ChunkedUpload;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The test profile gives reporting a 1 s response timeout and caps bodies at 64 KiB. */
@QuarkusTest
class UpstreamFailureTest {

    static final String CLIENT = "acme-failures";
    static final String TOKEN = Tokens.of("failures-user", List.of("client-manager"), List.of(CLIENT));
    static final int MAX_BODY = 64 * 1024;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void slowServiceTimesOutWithGatewayTimeoutProblem() {
        String requestId = "failures-" + UUID.randomUUID();
        long started = System.nanoTime();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/reporting/sla?fake-delay-ms=4000")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", equalTo(requestId))
                .body("type", equalTo("https://bpo.example/problems/upstream-timeout"))
                .body("service", equalTo("reporting"))
                .body("detail", equalTo("The reporting service did not answer in time."))
                .body("requestId", equalTo(requestId));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(elapsedMillis < 3500, "answered after " + elapsedMillis + " ms, not at the 1 s timeout");

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("UPSTREAM_ERROR", entry.get("outcome"));
        assertEquals(504, ((Number) entry.get("status")).intValue());
    }

    @Test
    void slowUploadDoesNotCountAgainstTheResponseTimeout() {
        // 2 s of upload against reporting's 1 s timeout: the timeout starts once the service has the whole body
        HttpResponse<String> response = ChunkedUpload.postSlowly(
                URI.create(gateway + "api/v1/clients/" + CLIENT + "/reporting/measurements"), TOKEN,
                5, 4096, Duration.ofMillis(400));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(5 * 4096, JsonPath.from(response.body()).getInt("bodyBytes"));
    }

    @Test
    void serviceClosingTheConnectionIsBadGatewayProblemAndLogged() {
        String requestId = "failures-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts?fake-close=true")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/upstream-failure"))
                .body("status", equalTo(502))
                .body("service", equalTo("contracts"))
                .body("instance", equalTo("/api/v1/clients/" + CLIENT + "/contracts"));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("UPSTREAM_ERROR", entry.get("outcome"));
        assertEquals(502, ((Number) entry.get("status")).intValue());
    }

    @Test
    void bodyDeclaredOverTheLimitIsRejectedWithoutReachingTheService() {
        String requestId = "failures-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .contentType("application/octet-stream").body(new byte[MAX_BODY + 1])
                .when().post("/api/v1/clients/" + CLIENT + "/knowledge/attachments")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/payload-too-large"))
                .body("requestId", equalTo(requestId));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("REJECTED_TOO_LARGE", entry.get("outcome"));
        assertEquals(413, ((Number) entry.get("status")).intValue());
    }

    @Test
    void chunkedBodyOverTheLimitIsCutAndRejected() {
        HttpResponse<String> response = ChunkedUpload.post(
                URI.create(gateway + "api/v1/clients/" + CLIENT + "/knowledge/attachments"), TOKEN,
                new byte[MAX_BODY * 2]);

        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonPath problem = JsonPath.from(response.body());
        assertEquals("https://bpo.example/problems/payload-too-large", problem.getString("type"));
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals("REJECTED_TOO_LARGE", AccessLogRows.single(dataSource, requestId).get("outcome"));
    }

    @Test
    void bodyAtTheLimitIsForwarded() {
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(new byte[MAX_BODY])
                .when().post("/api/v1/clients/" + CLIENT + "/knowledge/attachments")
                .then().statusCode(200)
                .body("bodyBytes", equalTo(MAX_BODY));
    }

    @Test
    void callerHangingUpIsLoggedAsAbortedAndTheServiceRequestDropped() throws Exception {
        String requestId = "failures-" + UUID.randomUUID();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            String request = "GET /api/v1/clients/" + CLIENT + "/contracts?fake-delay-ms=3000 HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + "\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\n"
                    + "X-Request-Id: " + requestId + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300);
        }

        Map<String, Object> entry = null;
        for (int attempt = 0; attempt < 50 && entry == null; attempt++) {
            List<Map<String, Object>> rows = AccessLogRows.byRequestId(dataSource, requestId);
            entry = rows.isEmpty() ? null : rows.get(0);
            Thread.sleep(50);
        }
        assertNotNull(entry, "no entry for the aborted request");
        assertEquals("CLIENT_ABORTED", entry.get("outcome"));
        assertEquals(499, ((Number) entry.get("status")).intValue());
    }

    @Test
    void serviceAnsweringWithinTheTimeoutIsNotCut() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/reporting/sla?fake-delay-ms=300")
                .then().statusCode(200)
                .time(lessThan(3000L));
    }
}
