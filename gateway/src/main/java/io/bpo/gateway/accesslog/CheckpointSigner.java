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
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.bpo.gateway.config.GatewayConfig;

/**
 * The checkpoint keys: Ed25519 from the JDK. The current key signs, configured as
 * {@code bpo.gateway.access-log.signing-key} (PKCS#8, base64) and {@code signing-key-id}; without one, a key pair is
 * generated at startup, whose checkpoints nobody can verify once the gateway restarts. Earlier keys are kept as
 * public halves only ({@code retired-public-keys}, {@code <keyId>:<base64 X.509>,...}): a checkpoint is verified with
 * the key its key id names, so a rotation leaves older checkpoints verifiable (decision record 0020).
 */
@ApplicationScoped
public class CheckpointSigner {

    public static final String ALGORITHM = "Ed25519";
    public static final String DOMAIN = "bpo-access-log-checkpoint-v1\n";

    private static final Logger LOG = Logger.getLogger(CheckpointSigner.class);
    private static final DateTimeFormatter SIGNED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** A key id is stored with each checkpoint and written in lists: no separators, no spaces. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    static final String CURRENT = "current";
    static final String RETIRED = "retired";

    /** What checking a checkpoint's signature found. */
    public enum Verdict {
        /** Signed by the key its key id names. */
        VALID,
        /** Its key id names a known key, which did not sign it: forged or altered. */
        INVALID,
        /** Its key id names no key this gateway knows (neither current nor retired): it cannot be checked. */
        UNKNOWN_KEY
    }

    /** A public key as published to auditors. */
    public record PublishedKey(String keyId, String algorithm, String publicKey, String status) {
    }

    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    /** Retired keys by id, in configured order. */
    private final Map<String, PublicKey> retired;

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
        if (!KEY_ID.matcher(keyId).matches()) {
            // accepted (it signed before), but it could not be listed among the retired keys after a rotation
            LOG.warnf("bpo.gateway.access-log.signing-key-id does not match %s: choose such an id for the next key",
                    KEY_ID.pattern());
        }
        retired = retiredKeys(config.accessLog().retiredPublicKeys().orElse(List.of()), keyId);
        if (!retired.isEmpty()) {
            LOG.infof("access-log checkpoints: current key %s, retired keys %s", keyId, retired.keySet());
        }
    }

    /** Parses {@code <keyId>:<base64 X.509>} entries; any malformed one stops the gateway, naming it. */
    static Map<String, PublicKey> retiredKeys(List<String> entries, String currentKeyId) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        int position = 0;
        for (String raw : entries) {
            position++;
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String where = "bpo.gateway.access-log.retired-public-keys, entry " + position;
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(where + ": expected <keyId>:<base64 X.509 public key>");
            }
            String id = entry.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException(where + ": key id must match " + KEY_ID.pattern());
            }
            if (id.equals(currentKeyId) || keys.containsKey(id)) {
                throw new IllegalStateException(where + ": key id " + id + " is used twice (key ids must be unique, "
                        + "the current key's included)");
            }
            try {
                keys.put(id, KeyFactory.getInstance(ALGORITHM).generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(entry.substring(colon + 1).strip()))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException(where + " (key id " + id + "): not an Ed25519 public key "
                        + "(X.509 SubjectPublicKeyInfo, base64)", e);
            }
        }
        return java.util.Collections.unmodifiableMap(keys);
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

    /** Every key a checkpoint may name: the current one first, then the retired ones in configured order. */
    public List<PublishedKey> keys() {
        List<PublishedKey> keys = new ArrayList<>(1 + retired.size());
        keys.add(new PublishedKey(keyId, ALGORITHM, publicKeyBase64(), CURRENT));
        retired.forEach((id, key) -> keys.add(new PublishedKey(id, ALGORITHM,
                Base64.getEncoder().encodeToString(key.getEncoded()), RETIRED)));
        return keys;
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

    /** True when the checkpoint's signature verifies with the (current or retired) key its key id names. */
    public boolean verify(Checkpoint checkpoint) {
        return check(checkpoint) == Verdict.VALID;
    }

    /** Checks the signature with the key the checkpoint's key id names; an id naming no known key is told apart. */
    public Verdict check(Checkpoint checkpoint) {
        PublicKey key = keyId.equals(checkpoint.keyId()) ? publicKey : retired.get(checkpoint.keyId());
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.message().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature())) ? Verdict.VALID
                    : Verdict.INVALID;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Verdict.INVALID;
        }
    }
}
