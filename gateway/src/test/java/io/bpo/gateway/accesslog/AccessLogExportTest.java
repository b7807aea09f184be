package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bpo.gateway.support.OfflineVerifier;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** NDJSON and CSV exports, streamed; the bundle and the offline verifier, on intact and tampered bundles. */
@QuarkusTest
class AccessLogExportTest {

    static final String LOG = "/api/v1/audit/access-log";
    static final String AUDITOR = Tokens.of("export-erin", List.of("auditor", "platform-auditor"), List.of());
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AccessLogRepository repository;
    @Inject
    CheckpointService checkpoints;

    static String freshClient() {
        return "export-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The lines of an NDJSON body; an export's trailer line (see {@link #trailer}) is left out. */
    static List<Map<String, Object>> ndjson(String body) throws Exception {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = JSON.readValue(line, Map.class);
                lines.add(object);
            }
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).containsKey("export")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The last line of an NDJSON export, which must be its trailer. */
    static Map<String, Object> trailer(String body) throws Exception {
        String[] lines = body.split("\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> last = JSON.readValue(lines[lines.length - 1], Map.class);
        assertEquals("complete", last.get("export"), lines[lines.length - 1]);
        assertEquals("ndjson", last.get("format"));
        return last;
    }

    static Response export(String token, Map<String, ?> params) {
        return given().auth().oauth2(token).queryParams(params).when().get(LOG + "/export");
    }

    static byte[] bundle(String client) {
        return given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .when().get(LOG + "/bundle")
                .then().statusCode(200).contentType("application/x-ndjson")
                .extract().asByteArray();
    }

    static Path file(byte[] content) throws Exception {
        Path file = Files.createTempFile("access-log-bundle", ".ndjson");
        file.toFile().deleteOnExit();
        Files.write(file, content);
        return file;
    }

    @Test
    void ndjsonExportHasEveryEntryOldestFirstWithItsChainColumns() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(3);
        Response response = export(AUDITOR, Map.of("clientId", client));
        response.then().statusCode(200).contentType("application/x-ndjson");
        String body = response.asString();
        List<Map<String, Object>> lines = ndjson(body);
        assertEquals(3, lines.size());
        assertEquals(4, body.split("\n").length, body);
        Map<String, Object> trailer = trailer(body);
        assertEquals(3, trailer.get("entries"));
        assertEquals(lines.get(2).get("id"), trailer.get("lastId"));
        assertEquals(lines.get(2).get("requestId"), trailer.get("lastRequestId"));
        for (int i = 0; i < 3; i++) {
            Map<String, Object> line = lines.get(i);
            assertEquals(client, line.get("clientId"));
            assertEquals(client, line.get("chain"));
            assertEquals(i + 1, line.get("chainSeq"));
            assertEquals("/api/v1/clients/" + client + "/contracts/" + (i + 1), line.get("path"));
            assertEquals("/api/v1/clients/{clientId}/contracts/{contractId}", line.get("pathTemplate"));
            assertEquals(Map.of("clientId", client, "contractId", Integer.toString(i + 1)), line.get("resourceIds"));
            assertEquals(2, line.get("hashVersion"));
            assertEquals(false, line.get("archived"));
            assertTrue(((String) line.get("hash")).matches("[0-9a-f]{64}"));
        }
        assertEquals(lines.get(0).get("hash"), lines.get(1).get("prevHash"));
    }

    @Test
    void filtersCombine() throws Exception {
        String client = freshClient();
        String alice = Tokens.of("export-alice", List.of("client-manager"), List.of(client));
        String bob = Tokens.of("export-bob", List.of("client-manager"), List.of("elsewhere"));
        given().auth().oauth2(alice).get("/api/v1/clients/" + client + "/contracts/c-1").then().statusCode(200);
        given().auth().oauth2(alice).get("/api/v1/clients/" + client + "/contracts/c-1/versions/2")
                .then().statusCode(200);
        given().auth().oauth2(alice).get("/api/v1/clients/" + client + "/contracts/c-2").then().statusCode(200);
        given().auth().oauth2(bob).get("/api/v1/clients/" + client + "/contracts/c-1").then().statusCode(403);

        List<Map<String, Object>> resource = ndjson(export(AUDITOR, Map.of("clientId", client,
                "resource", "/api/v1/clients/" + client + "/contracts/c-1")).then().statusCode(200)
                .extract().asString());
        assertEquals(3, resource.size());
        List<Map<String, Object>> aliceOnResource = ndjson(export(AUDITOR, Map.of("clientId", client,
                "subject", "export-alice", "resource", "/api/v1/clients/" + client + "/contracts/c-1"))
                .asString());
        assertEquals(2, aliceOnResource.size());
        List<Map<String, Object>> denied = ndjson(export(AUDITOR, Map.of("clientId", client,
                "outcome", "DENIED_TENANT")).asString());
        assertEquals(1, denied.size());
        assertEquals("export-bob", denied.get(0).get("subject"));
        List<Map<String, Object>> versions = ndjson(export(AUDITOR, Map.of("clientId", client,
                "pathTemplate", "/api/v1/clients/{clientId}/contracts/{contractId}/versions/{versionId}")).asString());
        assertEquals(1, versions.size());
        String nothing = export(AUDITOR, Map.of("clientId", client,
                "from", Instant.now().plusSeconds(3600).toString())).asString();
        assertEquals(0, ndjson(nothing).size());
        // an empty export is still complete, and says so
        Map<String, Object> trailer = trailer(nothing);
        assertEquals(0, trailer.get("entries"));
        assertNull(trailer.get("lastId"));
    }

    @Test
    void csvExportQuotesWhatNeedsIt() {
        String client = freshClient();
        given().auth().oauth2(Tokens.of("export-carol", List.of("client-manager"), List.of(client)))
                .header("User-Agent", "odd, \"quoted\" agent")
                .get("/api/v1/clients/" + client + "/contracts").then().statusCode(200);
        String csv = export(AUDITOR, Map.of("clientId", client, "format", "csv"))
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals(3, rows.length, csv);
        assertEquals(String.join(",", AccessLogExporter.CSV_COLUMNS), rows[0]);
        // the trailer: as many cells as the header, the count and the last entry
        String id = rows[1].substring(0, rows[1].indexOf(','));
        assertEquals("#export-complete,entries=1,lastId=" + id + ",lastRequestId="
                + given().auth().oauth2(AUDITOR).queryParam("clientId", client).get(LOG).then().statusCode(200)
                        .extract().path("items[0].requestId")
                + ",".repeat(AccessLogExporter.CSV_COLUMNS.size() - 4), rows[2]);
        assertTrue(rows[1].contains(",\"odd, \"\"quoted\"\" agent\","), rows[1]);
        assertTrue(rows[1].contains(",export-carol,export-carol-name,client-manager," + client + ",contracts,GET,"),
                rows[1]);
    }

    @Test
    void csvExportNeutralisesFormulasFromCallers() {
        String client = freshClient();
        given().auth().oauth2(Tokens.of("export-mallory", List.of("client-manager"), List.of(client)))
                .header("User-Agent", "=HYPERLINK(\"http://evil.example\",\"x\")")
                .get("/api/v1/clients/" + client + "/contracts").then().statusCode(200);
        String csv = export(AUDITOR, Map.of("clientId", client, "format", "csv")).then().statusCode(200)
                .extract().asString();
        String row = csv.split("\r\n")[1];
        assertTrue(row.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","), row);
        assertEquals("'@SUM(A1)", io.bpo.core.csv.CsvCells.cell("@SUM(A1)"));
        assertEquals("'+1 555", io.bpo.core.csv.CsvCells.cell("+1 555"));
        assertEquals("'\tcmd", io.bpo.core.csv.CsvCells.cell("\tcmd"));
        assertEquals("-42", io.bpo.core.csv.CsvCells.cell("-42"));
        // the NDJSON export keeps the value as stored: it is what the chain hashes
        assertTrue(export(AUDITOR, Map.of("clientId", client)).asString().contains("\"=HYPERLINK("));
    }

    @Test
    void largeRangesAreStreamedNotBuffered() throws Exception {
        String client = freshClient();
        int total = 3000;
        for (int batch = 0; batch < total / 250; batch++) {
            List<AccessLogEntry> entries = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                entries.add(AccessLogChainTest.entry(client, "bulk-" + batch + "-" + i));
            }
            repository.appendAll(entries);
        }
        Response response = export(AUDITOR, Map.of("clientId", client));
        response.then().statusCode(200);
        // no Content-Length: the body was written while the rows were still being fetched
        assertNull(response.getHeader("Content-Length"));
        assertEquals("chunked", response.getHeader("Transfer-Encoding"));
        String body = response.asString();
        assertEquals(total + 1, body.split("\n").length);
        assertEquals(total, trailer(body).get("entries"));

        byte[] bundle = bundle(client);
        OfflineVerifier.Result result = OfflineVerifier.run(file(bundle).toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("chain " + client + ": " + total + " entries, seq 1.." + total
                + ", intact"), result.output());
    }

    @Test
    void badParametersAreNamed() {
        export(AUDITOR, Map.of("format", "xml", "from", "yesterday"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("format"));
        export(AUDITOR, Map.of("from", "yesterday", "resource", "/elsewhere"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from")).body("errors.field", hasItem("resource"));
        given().auth().oauth2(AUDITOR).queryParam("from", "soon").get(LOG + "/bundle")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(AUDITOR).queryParam("clientId", "NOPE").get(LOG + "/bundle")
                .then().statusCode(400).body("errors.field", hasItem("clientId"));
    }

    @Test
    void onlyAuditorsExport() {
        String agent = Tokens.of("export-agent", List.of("client-manager", "provider-admin"), List.of("acme"));
        for (String path : List.of("/export", "/export?format=csv", "/bundle")) {
            given().auth().oauth2(agent).get(LOG + path).then().statusCode(403)
                    .contentType("application/problem+json");
            given().get(LOG + path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void exportsAreThemselvesLogged() {
        String client = AccessLogChainTest.clientWithEntries(1);
        String requestId = "export-read-" + UUID.randomUUID();
        given().auth().oauth2(AUDITOR).header("X-Request-Id", requestId).queryParam("clientId", client)
                .queryParam("format", "csv").get(LOG + "/export").then().statusCode(200);
        String bundleRequest = "bundle-read-" + UUID.randomUUID();
        given().auth().oauth2(AUDITOR).header("X-Request-Id", bundleRequest).queryParam("clientId", client)
                .get(LOG + "/bundle").then().statusCode(200);
        List<Map<String, Object>> reads = given().auth().oauth2(AUDITOR).queryParam("subject", "export-erin")
                .queryParam("limit", "500").get(LOG).then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> exportRead = reads.stream().filter(r -> requestId.equals(r.get("requestId")))
                .findFirst().orElseThrow();
        assertEquals("/api/v1/audit/access-log/export", exportRead.get("path"));
        assertEquals("ALLOWED", exportRead.get("outcome"));
        assertTrue(((String) exportRead.get("reason")).startsWith("access-log export csv, filters: clientId="
                + client), (String) exportRead.get("reason"));
        Map<String, Object> bundleRead = reads.stream().filter(r -> bundleRequest.equals(r.get("requestId")))
                .findFirst().orElseThrow();
        assertTrue(((String) bundleRead.get("reason")).contains("access-log bundle"), bundleRead.toString());
    }

    @Test
    void theVerifierAcceptsAnIntactBundleWithItsPinnedKey() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(4);
        checkpoints.checkpoint();
        String publicKey = given().auth().oauth2(AUDITOR).get(LOG + "/public-key").then().statusCode(200)
                .extract().path("publicKey");
        byte[] bundle = bundle(client);
        List<Map<String, Object>> lines = ndjson(new String(bundle, StandardCharsets.UTF_8));
        assertEquals("bundle", lines.get(0).get("kind"));
        assertEquals(publicKey, lines.get(0).get("publicKey"));
        assertEquals("end", lines.get(lines.size() - 1).get("kind"));
        assertTrue(lines.stream().anyMatch(l -> "checkpoint".equals(l.get("kind"))));

        OfflineVerifier.Result result = OfflineVerifier.run("--public-key", publicKey, file(bundle).toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("chain " + client + ": 4 entries, seq 1..4, intact; 1 checkpoints "
                + "verified, signed up to seq 4"), result.output());

        OfflineVerifier.Result otherKey = OfflineVerifier.run("--public-key",
                "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=", file(bundle).toString());
        assertEquals(1, otherKey.exitCode(), otherKey.output());
        assertTrue(otherKey.output().contains("KEY MISMATCH"), otherKey.output());
    }

    @Test
    void theExportCheckerTellsACompleteExportFromACutOne() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(3);
        for (String format : List.of("ndjson", "csv")) {
            String body = export(AUDITOR, Map.of("clientId", client, "format", format)).then().statusCode(200)
                    .extract().asString();
            OfflineVerifier.Result complete = OfflineVerifier.run("--export",
                    file(body.getBytes(StandardCharsets.UTF_8)).toString());
            assertEquals(0, complete.exitCode(), complete.output());
            assertTrue(complete.output().contains("COMPLETE (3 entries)"), complete.output());

            String newline = format.equals("csv") ? "\r\n" : "\n";
            List<String> lines = new ArrayList<>(List.of(body.split(newline)));
            // cut anywhere before the trailer: what a download tool keeps of a reset connection
            String cut = String.join(newline, lines.subList(0, lines.size() - 1)) + newline;
            OfflineVerifier.Result incomplete = OfflineVerifier.run("--export",
                    file(cut.getBytes(StandardCharsets.UTF_8)).toString());
            assertEquals(1, incomplete.exitCode(), incomplete.output());
            assertTrue(incomplete.output().contains("INCOMPLETE"), incomplete.output());

            lines.remove(lines.size() - 3);
            OfflineVerifier.Result dropped = OfflineVerifier.run("--export",
                    file((String.join(newline, lines) + newline).getBytes(StandardCharsets.UTF_8)).toString());
            assertEquals(1, dropped.exitCode(), dropped.output());
            assertTrue(dropped.output().contains("COUNTS DIFFER"), dropped.output());
        }
    }

    /** The bundle's lines, editable. */
    static List<ObjectNode> lines(byte[] bundle) throws Exception {
        List<ObjectNode> nodes = new ArrayList<>();
        for (String line : new String(bundle, StandardCharsets.UTF_8).split("\n")) {
            nodes.add((ObjectNode) JSON.readTree(line));
        }
        return nodes;
    }

    static Path write(List<ObjectNode> lines) throws Exception {
        StringBuilder out = new StringBuilder();
        for (ObjectNode line : lines) {
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        return file(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode entryAt(List<ObjectNode> lines, long seq) {
        return lines.stream().filter(l -> l.path("kind").asText().equals("entry") && l.path("chainSeq").asLong() == seq)
                .findFirst().orElseThrow();
    }

    static void assertBroken(Path bundle, String client, long seq, String reason) throws Exception {
        OfflineVerifier.Result result = OfflineVerifier.run(bundle.toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("chain " + client + ": ") && result.output()
                .contains("BROKEN at seq " + seq + ": " + reason), result.output());
    }

    @Test
    void theVerifierNamesTheFirstBrokenSequenceForEachKindOfTampering() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(5);
        checkpoints.checkpoint();
        byte[] bundle = bundle(client);

        List<ObjectNode> edited = lines(bundle);
        entryAt(edited, 3).put("subject", "mallory");
        assertBroken(write(edited), client, 3, "hash mismatch");

        List<ObjectNode> deleted = lines(bundle);
        deleted.remove(entryAt(deleted, 2));
        assertBroken(write(deleted), client, 2, "sequence gap");

        List<ObjectNode> reordered = lines(bundle);
        int i = reordered.indexOf(entryAt(reordered, 2));
        reordered.add(i, reordered.remove(i + 1));
        assertBroken(write(reordered), client, 2, "sequence gap");

        List<ObjectNode> inserted = lines(bundle);
        ObjectNode copy = entryAt(inserted, 4).deepCopy();
        copy.put("requestId", "forged");
        inserted.add(inserted.indexOf(entryAt(inserted, 4)), copy);
        assertBroken(write(inserted), client, 4, "hash mismatch");

        List<ObjectNode> relinked = lines(bundle);
        entryAt(relinked, 4).put("prevHash", "ab".repeat(32));
        assertBroken(write(relinked), client, 4, "prev_hash mismatch");
    }

    @Test
    void rewritingEntriesWithFreshHashesIsCaughtByTheSignedCheckpoint() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(3);
        checkpoints.checkpoint();
        List<ObjectNode> lines = lines(bundle(client));
        // a forger who knows the encoding rewrites entry 2 and recomputes 2 and 3: the chain itself is consistent
        entryAt(lines, 2).put("subject", "mallory");
        for (long seq = 2; seq <= 3; seq++) {
            ObjectNode entry = entryAt(lines, seq);
            entry.put("prevHash", entryAt(lines, seq - 1).path("hash").asText());
            entry.put("hash", recompute(entry));
        }
        OfflineVerifier.Result result = OfflineVerifier.run(write(lines).toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("intact; 1 checkpoints, CHECKPOINT FAILED: seq 3: hash mismatch"),
                result.output());

        List<ObjectNode> resigned = lines(bundle(client));
        ObjectNode checkpoint = resigned.stream().filter(l -> l.path("kind").asText().equals("checkpoint"))
                .findFirst().orElseThrow();
        checkpoint.put("signedAt", "2020-01-01T00:00:00.000000Z");
        OfflineVerifier.Result forged = OfflineVerifier.run(write(resigned).toString());
        assertEquals(1, forged.exitCode(), forged.output());
        assertTrue(forged.output().contains("CHECKPOINT FAILED: seq 3: signature invalid"), forged.output());
    }

    @Test
    void aTruncatedOrPaddedBundleIsRefused() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(2);
        List<ObjectNode> lines = lines(bundle(client));
        List<ObjectNode> truncated = new ArrayList<>(lines.subList(0, lines.size() - 1));
        OfflineVerifier.Result result = OfflineVerifier.run(write(truncated).toString());
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("truncated"), result.output());

        List<ObjectNode> lastRemoved = new ArrayList<>(lines);
        lastRemoved.remove(entryAt(lastRemoved, 2));
        OfflineVerifier.Result counts = OfflineVerifier.run(write(lastRemoved).toString());
        assertEquals(1, counts.exitCode(), counts.output());
        assertTrue(counts.output().contains("COUNTS DIFFER"), counts.output());
    }

    /** The entry's hash as the gateway computes it, from its exported fields. */
    static String recompute(ObjectNode e) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> ids = JSON.convertValue(e.get("resourceIds"), Map.class);
        List<String> roles = new ArrayList<>();
        e.get("roles").forEach(r -> roles.add(r.asText()));
        AccessLogEntry entry = new AccessLogEntry(UUID.fromString(e.get("id").asText()),
                Instant.parse(e.get("occurredAt").asText()), e.get("requestId").asText(), text(e, "subject"),
                text(e, "username"), roles, text(e, "clientId"), text(e, "service"), text(e, "method"),
                text(e, "path"), text(e, "pathTemplate"), ids, e.get("status").asInt(),
                AccessOutcome.valueOf(e.get("outcome").asText()), text(e, "reason"), text(e, "sourceAddress"),
                text(e, "userAgent"), e.get("durationMs").asLong());
        return ChainHash.hash(e.get("hashVersion").asInt(), e.get("chain").asText(), e.get("chainSeq").asLong(),
                e.get("prevHash").asText(), entry);
    }

    static String text(ObjectNode e, String name) {
        return e.get(name) == null || e.get(name).isNull() ? null : e.get(name).asText();
    }
}
