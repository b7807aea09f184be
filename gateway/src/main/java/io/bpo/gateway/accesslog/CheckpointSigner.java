package io.bpo.gateway.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.bpo.gateway.config.GatewayConfig;

/**
 * The checkpoint key: Ed25519 from the JDK. Configured as {@code bpo.gateway.access-log.signing-key} (PKCS#8,
 * base64) and {@code signing-key-id}; without one, a key pair is generated at startup, whose checkpoints nobody
 * can verify once the gateway restarts.
 */
@ApplicationScoped
public class CheckpointSigner {

    public static final String ALGORITHM = "Ed25519";
    public static final String DOMAIN = "bpo-access-log-checkpoint-v1\n";

    private static final Logger LOG = Logger.getLogger(CheckpointSigner.class);
    private static final DateTimeFormatter SIGNED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    CheckpointSigner(GatewayConfig config) {
        try {
            if (config.accessLog().signingKey().isPresent()) {
                byte[] pkcs8 = Base64.getDecoder().decode(config.accessLog().signingKey().get().strip());
                KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
                privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                publicKey = publicOf(factory, (EdECPrivateKey) privateKey);
                keyId = config.accessLog().signingKeyId().orElse("configured");
            } else {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                privateKey = pair.getPrivate();
                publicKey = pair.getPublic();
                keyId = "ephemeral-" + UUID.randomUUID();
                LOG.warnf("bpo.gateway.access-log.signing-key is not set: access-log checkpoints are signed with "
                        + "the ephemeral key %s, and cannot be verified after a restart", keyId);
            }
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("bpo.gateway.access-log.signing-key is not an Ed25519 PKCS#8 key", e);
        }
    }

    /** The JDK has no public-from-private API for Ed25519: regenerate the pair from the private key's seed. */
    private static PublicKey publicOf(KeyFactory factory, EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("private key not extractable"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!java.util.Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
            throw new GeneralSecurityException("could not derive the public key");
        }
        return pair.getPublic();
    }

    /** Feeds the given bytes as the generator's randomness: Ed25519 key generation takes 32 random bytes. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, out.length));
        }
    }

    public static String format(Instant signedAt) {
        return SIGNED_AT.format(signedAt.truncatedTo(ChronoUnit.MICROS));
    }

    /** The canonical line a checkpoint signs. */
    public static String message(String chainKey, long chainSeq, String hash, String signedAt) {
        return DOMAIN + chainKey + "\n" + chainSeq + "\n" + hash + "\n" + signedAt + "\n";
    }

    public String keyId() {
        return keyId;
    }

    /** The public key, X.509 SubjectPublicKeyInfo, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public Checkpoint sign(String chainKey, long chainSeq, String hash, Instant now) {
        String signedAt = format(now);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message(chainKey, chainSeq, hash, signedAt).getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(UUID.randomUUID(), chainKey, chainSeq, hash, signedAt, keyId,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** True when the checkpoint carries this key's id and a valid signature. */
    public boolean verify(Checkpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(checkpoint.message().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
