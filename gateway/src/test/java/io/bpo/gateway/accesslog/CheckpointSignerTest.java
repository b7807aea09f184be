package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.config.GatewayConfig;

/**
 * The configured-key path: the public key is derived from the PKCS#8 private key; retired public keys verify the
 * checkpoints they signed, picked by key id.
 */
class CheckpointSignerTest {

    static String privateKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    static String publicKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    static KeyPair newPair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static GatewayConfig config(String key, String keyId) {
        return config(key, keyId, List.of());
    }

    /** {@code retired}: entries {@code <keyId>:<base64 X.509>}, as in bpo.gateway.access-log.retired-public-keys. */
    static GatewayConfig config(String key, String keyId, List<String> retired) {
        GatewayConfig.AccessLog accessLog = (GatewayConfig.AccessLog) Proxy.newProxyInstance(
                CheckpointSignerTest.class.getClassLoader(), new Class<?>[] { GatewayConfig.AccessLog.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "signingKey" -> Optional.ofNullable(key);
                    case "signingKeyId" -> Optional.ofNullable(keyId);
                    case "retiredPublicKeys" -> retired.isEmpty() ? Optional.empty() : Optional.of(retired);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(CheckpointSignerTest.class.getClassLoader(),
                new Class<?>[] { GatewayConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("accessLog")) {
                        return accessLog;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void configuredKeyPublishesItsOwnPublicHalfAndSigns() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        CheckpointSigner signer = new CheckpointSigner(
                config(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), "key-2026"));
        assertEquals("key-2026", signer.keyId());
        assertEquals(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), signer.publicKeyBase64());

        Checkpoint checkpoint = signer.sign("acme", 7, "ab".repeat(32), Instant.parse("2026-01-02T03:04:05.1234567Z"));
        assertEquals("2026-01-02T03:04:05.123456Z", checkpoint.signedAt());
        assertEquals("bpo-access-log-checkpoint-v1\nacme\n7\n" + "ab".repeat(32) + "\n2026-01-02T03:04:05.123456Z\n",
                checkpoint.message());
        assertTrue(signer.verify(checkpoint));
        assertFalse(signer.verify(new Checkpoint(checkpoint.id(), "acme", 8, checkpoint.hash(),
                checkpoint.signedAt(), checkpoint.keyId(), checkpoint.signature())));
    }

    @Test
    void withoutAKeyAnEphemeralOneIsGenerated() {
        CheckpointSigner signer = new CheckpointSigner(config(null, null));
        assertTrue(signer.keyId().startsWith("ephemeral-"), signer.keyId());
        assertTrue(signer.verify(signer.sign("-", 1, "0".repeat(64), Instant.now())));
    }

    @Test
    void afterARotationTheRetiredKeyStillVerifiesWhatItSigned() throws Exception {
        KeyPair a = newPair();
        KeyPair b = newPair();
        Checkpoint signedByA = new CheckpointSigner(config(privateKey(a), "key-a"))
                .sign("acme", 3, "cd".repeat(32), Instant.now());
        CheckpointSigner rotated = new CheckpointSigner(config(privateKey(b), "key-b",
                List.of("key-a:" + publicKey(a))));

        assertEquals(CheckpointSigner.Verdict.VALID, rotated.check(signedByA));
        assertEquals(CheckpointSigner.Verdict.VALID, rotated.check(rotated.sign("acme", 4, "ef".repeat(32),
                Instant.now())));
        assertEquals(List.of(new CheckpointSigner.PublishedKey("key-b", "Ed25519", publicKey(b), "current"),
                new CheckpointSigner.PublishedKey("key-a", "Ed25519", publicKey(a), "retired")), rotated.keys());
    }

    @Test
    void aCheckpointNamingNoKnownKeyIsUnknownNotInvalid() throws Exception {
        KeyPair a = newPair();
        Checkpoint signedByA = new CheckpointSigner(config(privateKey(a), "key-a"))
                .sign("acme", 3, "cd".repeat(32), Instant.now());
        CheckpointSigner withoutA = new CheckpointSigner(config(privateKey(newPair()), "key-b"));
        assertEquals(CheckpointSigner.Verdict.UNKNOWN_KEY, withoutA.check(signedByA));
        assertFalse(withoutA.verify(signedByA));
    }

    @Test
    void aCheckpointNamingAKnownKeyThatDidNotSignItIsInvalid() throws Exception {
        KeyPair a = newPair();
        KeyPair forger = newPair();
        // the forger's checkpoint claims to be key-a's
        Checkpoint forged = new CheckpointSigner(config(privateKey(forger), "key-a"))
                .sign("acme", 3, "cd".repeat(32), Instant.now());
        CheckpointSigner rotated = new CheckpointSigner(config(privateKey(newPair()), "key-b",
                List.of("key-a:" + publicKey(a))));
        assertEquals(CheckpointSigner.Verdict.INVALID, rotated.check(forged));
        Checkpoint signedByA = new CheckpointSigner(config(privateKey(a), "key-a"))
                .sign("acme", 3, "cd".repeat(32), Instant.now());
        assertEquals(CheckpointSigner.Verdict.INVALID, rotated.check(new Checkpoint(signedByA.id(), "globex", 3,
                signedByA.hash(), signedByA.signedAt(), "key-a", signedByA.signature())));
    }

    @Test
    void malformedRetiredKeysStopTheGatewayNamingTheEntry() throws Exception {
        String current = privateKey(newPair());
        String good = "key-a:" + publicKey(newPair());
        for (List<String> retired : List.of(List.of(good, "no-colon-here"),
                List.of(good, "key b:" + publicKey(newPair())),
                List.of(good, "key-c:not base64!"), List.of(good, "key-a:" + publicKey(newPair())),
                List.of(good, "key-now:" + publicKey(newPair())),
                // an RSA key is not an Ed25519 key
                List.of(good, "key-rsa:" + Base64.getEncoder().encodeToString(
                        KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded())))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new CheckpointSigner(config(current, "key-now", retired)), retired.toString());
            assertTrue(refused.getMessage().contains("retired-public-keys, entry 2"), refused.getMessage());
        }
    }

    @Test
    void theEphemeralKeyCanBeTheOnlyOneAndRetiredKeysStillLoad() throws Exception {
        KeyPair a = newPair();
        CheckpointSigner signer = new CheckpointSigner(config(null, null, List.of(" key-a:" + publicKey(a) + " ")));
        assertEquals(2, signer.keys().size());
        assertEquals("retired", signer.keys().get(1).status());
        assertEquals(CheckpointSigner.Verdict.UNKNOWN_KEY, signer.check(new Checkpoint(UUID.randomUUID(), "acme", 1,
                "0".repeat(64), "2026-01-01T00:00:00.000000Z", "key-z", "AAAA")));
    }
}
