package io.bpo.gateway.accesslog;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A checkpoint of a chain that does not match, or that names a key the gateway does not know. */
@Schema(name = "AccessLogCheckpointFailure", description = "A checkpoint that does not match, or cannot be checked")
public record CheckpointFailure(
        @Schema(description = "Id of the checkpoint") UUID checkpointId,
        @Schema(description = "chain_seq the checkpoint vouches for") long chainSeq,
        @Schema(description = "Why: 'signature invalid' (the key its keyId names did not sign it), 'hash mismatch', "
                + "'entry missing' (tampering), or 'unknown key' (its keyId is neither the current nor a retired "
                + "key: it cannot be checked, which is not evidence of tampering)",
                enumeration = { "signature invalid", "hash mismatch", "entry missing", "unknown key" }) String reason,
        @Schema(description = "Id of the key the checkpoint says signed it", example = "gw-2026-01") String keyId) {
}
