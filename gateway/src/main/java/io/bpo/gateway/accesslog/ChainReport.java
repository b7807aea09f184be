package io.bpo.gateway.accesslog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The verdict on one chain. */
@Schema(name = "AccessLogChainReport", description = "Verification of one client's hash chain")
public record ChainReport(
        @Schema(description = "Chain key: the client id, or '-' for entries without a client") String chain,
        @Schema(description = "Chained entries read") long entries,
        boolean valid,
        @Schema(description = "chain_seq of the first entry that breaks the chain; null when valid",
                nullable = true) Long firstBrokenSeq,
        @Schema(description = "Why the chain breaks there; null when valid", nullable = true,
                enumeration = { "hash mismatch", "sequence gap", "prev_hash mismatch",
                        "hash version downgrade" }) String reason,
        @Schema(description = "Signed checkpoints of this chain checked (signed by the current or a retired key)")
        long checkpoints,
        @Schema(description = "The first checkpoint that does not match (bad signature, or the chain recomputed "
                + "from its entries has another hash at its chain_seq, or no entry there); null when all match",
                nullable = true) CheckpointFailure checkpointFailure,
        @Schema(description = "Checkpoints whose keyId names no key the gateway knows (neither current nor "
                + "retired): not checked") long unknownKeyCheckpoints,
        @Schema(description = "The first of those, reason 'unknown key', with its keyId; null when there is none. "
                + "Configure the key as retired (docs/operations.md, key rotation) to check them", nullable = true)
        CheckpointFailure unknownKeyCheckpoint) {

    ChainReport(String chain, long entries, boolean valid, Long firstBrokenSeq, String reason) {
        this(chain, entries, valid, firstBrokenSeq, reason, 0, null, 0, null);
    }

    ChainReport withCheckpoints(long checked, CheckpointFailure failure, long unknownKeys,
            CheckpointFailure firstUnknownKey) {
        return new ChainReport(chain, entries, valid, firstBrokenSeq, reason, checked, failure, unknownKeys,
                firstUnknownKey);
    }
}
