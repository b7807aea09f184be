package io.bpo.gateway.accesslog;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The first checkpoint of a chain that does not match. */
@Schema(name = "AccessLogCheckpointFailure", description = "The first checkpoint of a chain that does not match")
public record CheckpointFailure(
        @Schema(description = "Id of the checkpoint") UUID checkpointId,
        @Schema(description = "chain_seq the checkpoint vouches for") long chainSeq,
        @Schema(description = "Why it does not match",
                enumeration = { "signature invalid", "hash mismatch", "entry missing" }) String reason) {
}
