package io.bpo.gateway.accesslog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.bpo.gateway.accesslog.AccessLogRepository.ChainedRow;

/**
 * Walks chained rows in chain-key then chain_seq order and checks, per chain, that chain_seq runs 1, 2, 3...
 * without a gap, that each prev_hash is the previous entry's stored hash (64 zeros for the first), and that each
 * stored hash is the one {@link ChainHash} computes. Reports the first entry that breaks each chain.
 */
final class ChainVerifier implements Consumer<ChainedRow> {

    ChainVerifier() {
        this(Map.of());
    }

    /**
     * {@code checkpoints}: per chain key, in chain_seq order. Those whose key is unknown are set apart: their
     * signature cannot be checked, so neither their hash (nobody vouches for it) nor their absence of a key is
     * evidence of tampering; they are counted and the first is named.
     */
    ChainVerifier(Map<String, List<CheckedCheckpoint>> checkpoints) {
        Map<String, List<CheckedCheckpoint>> known = new HashMap<>();
        checkpoints.forEach((key, list) -> {
            for (CheckedCheckpoint checked : list) {
                (checked.verdict() == CheckpointSigner.Verdict.UNKNOWN_KEY ? unknownKey : known)
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(checked);
            }
        });
        this.checkpoints = known;
    }

    static final String HASH_MISMATCH = "hash mismatch";
    static final String SEQUENCE_GAP = "sequence gap";
    static final String PREV_HASH_MISMATCH = "prev_hash mismatch";
    /** An entry in an older encoding after one in a newer: nobody writes that, a forger might. */
    static final String VERSION_DOWNGRADE = "hash version downgrade";

    static final String SIGNATURE_INVALID = "signature invalid";
    static final String ENTRY_MISSING = "entry missing";
    static final String UNKNOWN_KEY = "unknown key";

    /** A checkpoint and what checking its signature with the key its key id names found. */
    record CheckedCheckpoint(Checkpoint checkpoint, CheckpointSigner.Verdict verdict) {

        CheckedCheckpoint(Checkpoint checkpoint, boolean signatureValid) {
            this(checkpoint, signatureValid ? CheckpointSigner.Verdict.VALID : CheckpointSigner.Verdict.INVALID);
        }

        boolean signatureValid() {
            return verdict == CheckpointSigner.Verdict.VALID;
        }
    }

    private final List<ChainReport> reports = new ArrayList<>();
    private final Map<String, List<CheckedCheckpoint>> checkpoints;
    private final Map<String, List<CheckedCheckpoint>> unknownKey = new HashMap<>();
    private final Map<String, CheckpointFailure> checkpointFailures = new HashMap<>();
    private List<CheckedCheckpoint> pending = List.of();
    private int nextCheckpoint;
    private String computedPrev;
    private String chain;
    private long entries;
    private long expectedSeq;
    private String expectedPrev;
    private Long brokenSeq;
    private String reason;
    private int version;

    @Override
    public void accept(ChainedRow row) {
        String key = ChainHash.chainKey(row.entry().clientId());
        if (!key.equals(chain)) {
            finishChain();
            chain = key;
            entries = 0;
            expectedSeq = 1;
            expectedPrev = ChainHash.GENESIS;
            brokenSeq = null;
            reason = null;
            pending = checkpoints.getOrDefault(key, List.of());
            nextCheckpoint = 0;
            computedPrev = ChainHash.GENESIS;
            version = 0;
        }
        entries++;
        checkCheckpoints(key, row);
        if (brokenSeq != null) {
            return;
        }
        int rowVersion = row.hashVersion();
        boolean downgrade = rowVersion < version;
        version = Math.max(version, rowVersion);
        if (row.chainSeq() != expectedSeq) {
            // a missing entry (or one moved away): the first number not found
            broken(Math.min(expectedSeq, row.chainSeq()), SEQUENCE_GAP);
        } else if (!expectedPrev.equals(row.prevHash())) {
            broken(row.chainSeq(), PREV_HASH_MISMATCH);
        } else if (downgrade) {
            broken(row.chainSeq(), VERSION_DOWNGRADE);
        } else if (!ChainHash.hash(rowVersion, key, row.chainSeq(), row.prevHash(), row.entry())
                .equals(row.hash())) {
            broken(row.chainSeq(), HASH_MISMATCH);
        }
        expectedSeq = row.chainSeq() + 1;
        expectedPrev = row.hash();
    }

    /**
     * Recomputes the chain from the entries' content alone (ignoring the stored hashes, which whoever edits the
     * table can recompute too) and compares each checkpoint with the hash at its chain_seq.
     */
    private void checkCheckpoints(String key, ChainedRow row) {
        String computed = ChainHash.hash(row.hashVersion(), key, row.chainSeq(), computedPrev, row.entry());
        computedPrev = computed;
        while (nextCheckpoint < pending.size()
                && pending.get(nextCheckpoint).checkpoint().chainSeq() <= row.chainSeq()) {
            CheckedCheckpoint checked = pending.get(nextCheckpoint++);
            if (checked.checkpoint().chainSeq() < row.chainSeq()) {
                checkpointFailed(key, checked, ENTRY_MISSING);
            } else if (!checked.checkpoint().hash().equals(computed)) {
                checkpointFailed(key, checked, HASH_MISMATCH);
            }
        }
    }

    private void checkpointFailed(String key, CheckedCheckpoint checked, String why) {
        checkpointFailures.putIfAbsent(key, failure(checked, why));
    }

    private static CheckpointFailure failure(CheckedCheckpoint checked, String why) {
        return new CheckpointFailure(checked.checkpoint().id(), checked.checkpoint().chainSeq(), why,
                checked.checkpoint().keyId());
    }

    /** Checkpoints beyond the chain's last entry: their entries are missing. */
    private void finishCheckpoints() {
        while (nextCheckpoint < pending.size()) {
            checkpointFailed(chain, pending.get(nextCheckpoint++), ENTRY_MISSING);
        }
        pending = List.of();
        nextCheckpoint = 0;
    }

    private void broken(long seq, String why) {
        brokenSeq = seq;
        reason = why;
    }

    private void finishChain() {
        if (chain != null) {
            finishCheckpoints();
            reports.add(new ChainReport(chain, entries, brokenSeq == null, brokenSeq, reason));
        }
    }

    /** The first failing checkpoint in chain_seq order: a bad signature, or a mismatch found while walking. */
    private CheckpointFailure firstFailure(String key, List<CheckedCheckpoint> list) {
        CheckpointFailure walked = checkpointFailures.get(key);
        for (CheckedCheckpoint checked : list) {
            if (walked != null && walked.checkpointId().equals(checked.checkpoint().id())) {
                return walked;
            }
            if (!checked.signatureValid()) {
                return failure(checked, SIGNATURE_INVALID);
            }
            if (walked == null && !seen(key)) {
                return failure(checked, ENTRY_MISSING);
            }
        }
        return walked;
    }

    private boolean seen(String key) {
        return reports.stream().anyMatch(r -> r.chain().equals(key));
    }

    /**
     * The reports, once every row has been read. A chain whose head (as the writer left it) is beyond its last
     * entry lost its tail: a sequence gap at the first missing number. A head with no entry at all is reported
     * as an empty broken chain.
     */
    List<ChainReport> finish(Map<String, Long> heads) {
        finishChain();
        chain = null;
        List<ChainReport> result = new ArrayList<>(reports.size());
        Set<String> seen = new HashSet<>();
        for (ChainReport report : reports) {
            seen.add(report.chain());
            Long head = heads.get(report.chain());
            if (report.valid() && head != null && head > report.entries()) {
                result.add(new ChainReport(report.chain(), report.entries(), false, report.entries() + 1,
                        SEQUENCE_GAP));
            } else {
                result.add(report);
            }
        }
        heads.forEach((key, head) -> {
            if (head > 0 && !seen.contains(key)) {
                result.add(new ChainReport(key, 0, false, 1L, SEQUENCE_GAP));
            }
        });
        Set<String> checkpointed = new HashSet<>(checkpoints.keySet());
        checkpointed.addAll(unknownKey.keySet());
        for (String key : checkpointed) {
            if (!seen.contains(key) && !heads.containsKey(key)) {
                result.add(new ChainReport(key, 0, true, null, null));
            }
        }
        result.sort(Comparator.comparing(ChainReport::chain));
        List<ChainReport> withCheckpoints = new ArrayList<>(result.size());
        for (ChainReport report : result) {
            List<CheckedCheckpoint> list = checkpoints.getOrDefault(report.chain(), List.of());
            CheckpointFailure failure = firstFailure(report.chain(), list);
            List<CheckedCheckpoint> unknown = unknownKey.getOrDefault(report.chain(), List.of());
            withCheckpoints.add(report.withCheckpoints(list.size(), failure, unknown.size(),
                    unknown.isEmpty() ? null : failure(unknown.get(0), UNKNOWN_KEY)));
        }
        return withCheckpoints;
    }
}
