package io.bpo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * An auditor exports a bundle through the real gateway and verifies it offline with tools/VerifyAccessLog.java,
 * pinning the public key fetched from the gateway, exactly as docs/operations.md describes; a tampered copy is
 * refused with its first broken sequence.
 */
class AccessLogExportIT extends PlatformClient {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The exports' media type; problems still come as problem+json. */
    static final String NDJSON = "application/x-ndjson, " + PROBLEM_JSON;

    record Run(int exitCode, String output) {
    }

    private static Run verify(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), ROOT.resolve("tools/VerifyAccessLog.java").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void aBundleVerifiesOfflineAndATamperedCopyDoesNot() throws Exception {
        // globex's chain: a bundle holds a whole chain, and acme's grows with every benchmark run on a dev database
        for (int i = 0; i < 3; i++) {
            as(BOB).header("X-Request-Id", "e2e-bundle-" + UUID.randomUUID())
                    .get("/api/v1/clients/" + GLOBEX + "/contracts?limit=1").then().statusCode(200);
        }
        String publicKey = as(ERIN).get("/api/v1/audit/access-log/public-key").then().statusCode(200)
                .extract().path("publicKey");
        // every key (current first, then retired ones) is listed too
        assertEquals(publicKey, as(ERIN).get("/api/v1/audit/access-log/public-key").then().statusCode(200)
                .extract().path("keys[0].publicKey"));
        String bundle = as(ERIN).accept(NDJSON).queryParam("clientId", GLOBEX).get("/api/v1/audit/access-log/bundle")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        Path file = Files.createTempFile("e2e-bundle", ".ndjson");
        file.toFile().deleteOnExit();
        Files.writeString(file, bundle);

        Run intact = verify("--public-key", publicKey, file.toString());
        assertEquals(0, intact.exitCode(), intact.output());
        assertTrue(intact.output().contains("chain " + GLOBEX + ": ") && intact.output().contains(", intact"),
                intact.output());

        // the third entry line edited: status 200 -> 404
        List<String> lines = new ArrayList<>(List.of(bundle.split("\n")));
        int third = 3;
        String line = lines.get(third);
        assertTrue(line.contains("\"kind\":\"entry\"") && line.contains("\"status\":"), line);
        String seq = line.replaceAll(".*\"chainSeq\":([0-9]+).*", "$1");
        String status = line.replaceAll(".*\"status\":([0-9]+).*", "$1");
        lines.set(third, line.replace("\"status\":" + status, "\"status\":" + (status.equals("200") ? "404" : "200")));
        Path tampered = Files.createTempFile("e2e-bundle-tampered", ".ndjson");
        tampered.toFile().deleteOnExit();
        Files.writeString(tampered, String.join("\n", lines) + "\n");
        Run broken = verify("--public-key", publicKey, tampered.toString());
        assertEquals(1, broken.exitCode(), broken.output());
        assertTrue(broken.output().contains("BROKEN at seq " + seq + ": hash mismatch"), broken.output());
    }

    @Test
    void csvAndNdjsonExportsStreamThroughTheGateway() {
        // the last hour: a dev database may hold millions of benchmark entries, which this test need not read
        String from = java.time.Instant.now().minus(java.time.Duration.ofHours(1)).toString();
        as(ALICE).get("/api/v1/clients/" + ACME + "/contracts?limit=1").then().statusCode(200);
        String csv = as(ERIN).accept("text/csv, " + PROBLEM_JSON).queryParam("clientId", ACME)
                .queryParam("from", from).queryParam("format", "csv")
                .get("/api/v1/audit/access-log/export").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("id,occurredAt,requestId,subject,username,roles,clientId"), csv.substring(0, 80));
        // a complete export ends with its trailer, which counts the entries before it
        List<String> rows = csv.lines().toList();
        assertTrue(rows.get(rows.size() - 1).startsWith("#export-complete,entries=" + (rows.size() - 2) + ","),
                rows.get(rows.size() - 1));
        String ndjson = as(ERIN).accept(NDJSON).queryParam("clientId", ACME).queryParam("from", from)
                .queryParam("outcome", "ALLOWED")
                .get("/api/v1/audit/access-log/export").then().statusCode(200).extract().asString();
        List<String> lines = ndjson.lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"export\":\"complete\",\"format\":\"ndjson\","
                + "\"entries\":" + (lines.size() - 1) + ","), lines.get(lines.size() - 1));
        assertTrue(lines.subList(0, lines.size() - 1).stream()
                .allMatch(l -> l.contains("\"outcome\":\"ALLOWED\"") && l.contains("\"pathTemplate\"")));
        as(ALICE).accept(NDJSON).get("/api/v1/audit/access-log/export").then().statusCode(403);
        anonymous().accept(NDJSON).get("/api/v1/audit/access-log/bundle").then().statusCode(401);
        // a client that accepts only JSON is told so, not sent NDJSON
        as(ERIN).get("/api/v1/audit/access-log/export").then().statusCode(406);
    }
}
