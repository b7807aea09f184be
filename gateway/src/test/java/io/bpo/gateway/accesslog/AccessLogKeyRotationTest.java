package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bpo.gateway.support.OfflineVerifier;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A gateway after a key rotation: it signs with key B and lists key A as retired. Checkpoints A signed before the
 * rotation keep verifying (server-side verify, the published keys, the bundle and the offline verifier); without A
 * listed they are reported as signed by an unknown key, not as tampering; a checkpoint that names A but that A did
 * not sign is tampering.
 */
@QuarkusTest
@TestProfile(AccessLogKeyRotationTest.RotatedToB.class)
class AccessLogKeyRotationTest {

    // two Ed25519 test keys (PKCS#8 and X.509, base64), generated once for this test
    static final String KEY_A = "MC4CAQAwBQYDK2VwBCIEICayofViCDvsnmR5F0crEZX9JKmBeI7OfIPnY3HpOQGH";
    static final String KEY_A_PUBLIC = "MCowBQYDK2VwAyEAsAJ1fPlwAyUdgMcTlgsLA+caPniDgQbpP3eBzN91r3I=";
    static final String KEY_B = "MC4CAQAwBQYDK2VwBCIEILpMuuE+a5Mh96p9RWckcJcKG7kLHu8a6LcTExihc4SO";
    static final String KEY_B_PUBLIC = "MCowBQYDK2VwAyEAvEImwLTGkrIvGBL3a5DRdm7JA+nfEsl2gz4oX8LZLlQ=";
    static final String KEY_A_ID = "rotation-a";
    static final String KEY_B_ID = "rotation-b";

    static final String LOG = "/api/v1/audit/access-log";
    static final String AUDITOR = Tokens.of("rotation-erin", List.of("auditor", "platform-auditor"), List.of());

    /** Key B signs; key A, which signed before, is retired. */
    public static class RotatedToB implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bpo.gateway.access-log.signing-key", KEY_B,
                    "bpo.gateway.access-log.signing-key-id", KEY_B_ID,
                    "bpo.gateway.access-log.retired-public-keys", KEY_A_ID + ":" + KEY_A_PUBLIC);
        }
    }

    @Inject
    CheckpointService checkpoints;
    @Inject
    CheckpointRepository checkpointRepository;
    @Inject
    AccessLogRepository repository;

    /** The checkpoint the gateway wrote for this chain's head while it still signed with {@code signer}. */
    Checkpoint checkpointSignedBy(CheckpointSigner signer, String client) throws Exception {
        CheckpointRepository.Head head = checkpointRepository.movedHeads().stream()
                .filter(h -> h.chainKey().equals(client)).findFirst().orElseThrow();
        Checkpoint checkpoint = signer.sign(client, head.chainSeq(), head.hash(), Instant.now());
        checkpointRepository.insertAll(List.of(checkpoint));
        return checkpoint;
    }

    static CheckpointSigner signerOf(String privateKey, String keyId) {
        return new CheckpointSigner(CheckpointSignerTest.config(privateKey, keyId));
    }

    static void moreEntries(String client, int from, int to) {
        String token = Tokens.of("chain-member", List.of("client-manager"), List.of(client));
        for (int i = from; i <= to; i++) {
            given().auth().oauth2(token).get("/api/v1/clients/" + client + "/contracts/" + i).then().statusCode(200);
        }
    }

    /** Entries 1-2 checkpointed under key A (before the rotation), 3-4 under key B (the running gateway). */
    String chainAcrossTheRotation() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(2);
        checkpointSignedBy(signerOf(KEY_A, KEY_A_ID), client);
        moreEntries(client, 3, 4);
        assertTrue(checkpoints.checkpoint().stream().anyMatch(c -> c.chainKey().equals(client)
                && c.chainSeq() == 4 && c.keyId().equals(KEY_B_ID)));
        return client;
    }

    static JsonPath verify(String client) {
        JsonPath report = given().auth().oauth2(AUDITOR).queryParam("clientId", client).get(LOG + "/verify")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(client, report.getString("chains[0].chain"), report.prettify());
        return report;
    }

    @Test
    void verifyIsCleanAcrossTheRotation() throws Exception {
        String client = chainAcrossTheRotation();
        List<String> keyIds = given().auth().oauth2(AUDITOR).queryParam("clientId", client).get(LOG + "/checkpoints")
                .then().statusCode(200).extract().jsonPath().getList("keyId");
        assertEquals(List.of(KEY_A_ID, KEY_B_ID), keyIds);

        JsonPath report = verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(2, report.getInt("chains[0].checkpoints"), report.prettify());
        assertNull(report.get("chains[0].checkpointFailure"), report.prettify());
        assertEquals(0, report.getInt("chains[0].unknownKeyCheckpoints"), report.prettify());
        assertNull(report.get("chains[0].unknownKeyCheckpoint"), report.prettify());
    }

    @Test
    void thePublicKeyEndpointPublishesTheCurrentAndTheRetiredKeys() {
        JsonPath keys = given().auth().oauth2(AUDITOR).get(LOG + "/public-key").then().statusCode(200)
                .extract().jsonPath();
        // the fields clients read before rotations existed: the current key
        assertEquals(KEY_B_ID, keys.getString("keyId"));
        assertEquals("Ed25519", keys.getString("algorithm"));
        assertEquals(KEY_B_PUBLIC, keys.getString("publicKey"));
        assertEquals(List.of(Map.of("keyId", KEY_B_ID, "algorithm", "Ed25519", "publicKey", KEY_B_PUBLIC,
                "status", "current"), Map.of("keyId", KEY_A_ID, "algorithm", "Ed25519", "publicKey", KEY_A_PUBLIC,
                        "status", "retired")), keys.getList("keys"));
    }

    @Test
    void withoutTheRetiredKeyItsCheckpointIsReportedAsUnknownKeyNotAsTampering() throws Exception {
        String client = chainAcrossTheRotation();
        String signedByA = given().auth().oauth2(AUDITOR).queryParam("clientId", client).get(LOG + "/checkpoints")
                .then().statusCode(200).extract().path("[0].id");
        // the same gateway restarted with key B and nothing retired
        AccessLogService forgetful = new AccessLogService(repository, checkpointRepository,
                signerOf(KEY_B, KEY_B_ID));

        ChainReport report = forgetful.verify(client).chains().get(0);
        assertEquals(client, report.chain());
        assertTrue(report.valid(), report.toString());
        assertEquals(1, report.checkpoints(), report.toString());
        assertNull(report.checkpointFailure(), report.toString());
        assertEquals(1, report.unknownKeyCheckpoints(), report.toString());
        assertEquals(new CheckpointFailure(java.util.UUID.fromString(signedByA), 2, "unknown key", KEY_A_ID),
                report.unknownKeyCheckpoint());
    }

    @Test
    void aCheckpointNamingTheRetiredKeyThatItDidNotSignIsTampering() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(2);
        // a forger's key, claiming to be key A
        String forger = CheckpointSignerTest.privateKey(CheckpointSignerTest.newPair());
        Checkpoint forged = checkpointSignedBy(signerOf(forger, KEY_A_ID), client);

        JsonPath report = verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(forged.id().toString(), report.getString("chains[0].checkpointFailure.checkpointId"));
        assertEquals(2, report.getInt("chains[0].checkpointFailure.chainSeq"), report.prettify());
        assertEquals("signature invalid", report.getString("chains[0].checkpointFailure.reason"), report.prettify());
        assertEquals(KEY_A_ID, report.getString("chains[0].checkpointFailure.keyId"), report.prettify());
        assertEquals(0, report.getInt("chains[0].unknownKeyCheckpoints"), report.prettify());
    }

    @Test
    void aBundleCarriesEveryKeyAndVerifiesOfflineWithTheKeysPinned() throws Exception {
        String client = chainAcrossTheRotation();
        String published = given().auth().oauth2(AUDITOR).get(LOG + "/public-key").then().statusCode(200)
                .extract().asString();
        Path pinned = AccessLogExportTest.file(published.getBytes(StandardCharsets.UTF_8));
        byte[] bundle = AccessLogExportTest.bundle(client);
        List<ObjectNode> lines = AccessLogExportTest.lines(bundle);
        ArrayNode keys = (ArrayNode) lines.get(0).get("keys");
        assertEquals(2, keys.size(), lines.get(0).toString());
        assertEquals(KEY_A_ID, keys.get(1).path("keyId").asText());
        assertEquals(KEY_A_PUBLIC, keys.get(1).path("publicKey").asText());
        Path file = AccessLogExportTest.file(bundle);

        OfflineVerifier.Result result = OfflineVerifier.run("--keys", pinned.toString(), file.toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("chain " + client + ": 4 entries, seq 1..4, intact; 2 checkpoints "
                + "verified, signed up to seq 4"), result.output());

        // pinning only the current key leaves key A's checkpoint unchecked, and says so
        OfflineVerifier.Result currentOnly = OfflineVerifier.run("--public-key", KEY_B_PUBLIC, file.toString());
        assertEquals(0, currentOnly.exitCode(), currentOnly.output());
        assertTrue(currentOnly.output().contains("1 checkpoints verified")
                && currentOnly.output().contains("1 checkpoints signed by keys not pinned"), currentOnly.output());

        // a bundle whose retired key was swapped for a forger's does not pass the pinned keys
        ((ObjectNode) keys.get(1)).put("publicKey", "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");
        OfflineVerifier.Result swapped = OfflineVerifier.run("--keys", pinned.toString(),
                AccessLogExportTest.write(lines).toString());
        assertEquals(1, swapped.exitCode(), swapped.output());
        assertTrue(swapped.output().contains("KEY MISMATCH") && swapped.output().contains(KEY_A_ID),
                swapped.output());
    }

    @Test
    void theRetiredKeyNeverSignsNewCheckpoints() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(1);
        List<Checkpoint> written = checkpoints.checkpoint();
        List<Checkpoint> mine = written.stream().filter(c -> c.chainKey().equals(client)).toList();
        assertEquals(1, mine.size(), written.toString());
        assertEquals(KEY_B_ID, mine.get(0).keyId());
        assertTrue(signerOf(KEY_B, KEY_B_ID).verify(mine.get(0)));
    }
}
