package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.config.GatewayConfig;

/** The configured-key path: the public key is derived from the PKCS#8 private key. */
class CheckpointSignerTest {

    static GatewayConfig config(String key, String keyId) {
        GatewayConfig.AccessLog accessLog = (GatewayConfig.AccessLog) Proxy.newProxyInstance(
                CheckpointSignerTest.class.getClassLoader(), new Class<?>[] { GatewayConfig.AccessLog.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "signingKey" -> Optional.ofNullable(key);
                    case "signingKeyId" -> Optional.ofNullable(keyId);
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
}
