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
        @Schema(description = "Signed checkpoints of this chain checked") long checkpoints,
        @Schema(description = "The first checkpoint that does not match (bad signature, or the chain recomputed "
                + "from its entries has another hash at its chain_seq, or no entry there); null when all match",
                nullable = true) CheckpointFailure checkpointFailure) {

    ChainReport(String chain, long entries, boolean valid, Long firstBrokenSeq, String reason) {
        this(chain, entries, valid, firstBrokenSeq, reason, 0, null);
    }

    ChainReport withCheckpoints(long checked, CheckpointFailure failure) {
        return new ChainReport(chain, entries, valid, firstBrokenSeq, reason, checked, failure);
    }
}
