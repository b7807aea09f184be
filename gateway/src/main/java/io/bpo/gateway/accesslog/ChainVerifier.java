package io.bpo.gateway.accesslog;

import java.util.ArrayList;
import java.util.Comparator;
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

    static final String HASH_MISMATCH = "hash mismatch";
    static final String SEQUENCE_GAP = "sequence gap";
    static final String PREV_HASH_MISMATCH = "prev_hash mismatch";

    private final List<ChainReport> reports = new ArrayList<>();
    private String chain;
    private long entries;
    private long expectedSeq;
    private String expectedPrev;
    private Long brokenSeq;
    private String reason;

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
        }
        entries++;
        if (brokenSeq != null) {
            return;
        }
        if (row.chainSeq() != expectedSeq) {
            // a missing entry (or one moved away): the first number not found
            broken(Math.min(expectedSeq, row.chainSeq()), SEQUENCE_GAP);
        } else if (!expectedPrev.equals(row.prevHash())) {
            broken(row.chainSeq(), PREV_HASH_MISMATCH);
        } else if (!ChainHash.hash(key, row.chainSeq(), row.prevHash(), row.entry()).equals(row.hash())) {
            broken(row.chainSeq(), HASH_MISMATCH);
        }
        expectedSeq = row.chainSeq() + 1;
        expectedPrev = row.hash();
    }

    private void broken(long seq, String why) {
        brokenSeq = seq;
        reason = why;
    }

    private void finishChain() {
        if (chain != null) {
            reports.add(new ChainReport(chain, entries, brokenSeq == null, brokenSeq, reason));
        }
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
        result.sort(Comparator.comparing(ChainReport::chain));
        return result;
    }
}
