package io.bpo.gateway.accesslog;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed statement that a chain had, at chain_seq, the given hash. */
@Schema(name = "AccessLogCheckpoint", description = "Signed checkpoint of one client's hash chain")
public record Checkpoint(
        UUID id,
        @Schema(description = "Chain key: the client id, or '-' for entries without a client") String chainKey,
        @Schema(description = "chain_seq of the entry the checkpoint vouches for") long chainSeq,
        @Schema(description = "That entry's hash (SHA-256, hex)") String hash,
        @Schema(description = "UTC, ISO-8601 with 6 fraction digits, exactly as signed") String signedAt,
        @Schema(description = "Id of the signing key (see public-key)") String keyId,
        @Schema(description = "Ed25519 signature (base64) over the canonical checkpoint line") String signature) {

    /** The signed message, for key ids and auditors alike. */
    public String message() {
        return CheckpointSigner.message(chainKey, chainSeq, hash, signedAt);
    }
}
