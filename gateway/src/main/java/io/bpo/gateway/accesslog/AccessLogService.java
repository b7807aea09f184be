package io.bpo.gateway.accesslog;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads of the access log for auditors. */
@ApplicationScoped
public class AccessLogService {

    private final AccessLogRepository repository;
    private final CheckpointRepository checkpoints;
    private final CheckpointSigner signer;

    AccessLogService(AccessLogRepository repository, CheckpointRepository checkpoints, CheckpointSigner signer) {
        this.repository = repository;
        this.checkpoints = checkpoints;
        this.signer = signer;
    }

    /**
     * Recomputes the hash chain of one client ({@code chainKey} a client id, or '-' for the entries without a
     * client), or of every chain when it is null, and checks the chains' signed checkpoints against them.
     */
    public VerifyReport verify(String chainKey) throws SQLException {
        return verify(chainKey == null ? null : List.of(chainKey));
    }

    /** As {@link #verify(String)} for the chains named (every chain when null). */
    public VerifyReport verify(List<String> chainKeys) throws SQLException {
        // read before the chains' snapshot: a checkpoint only ever names entries committed before it
        Map<String, List<ChainVerifier.CheckedCheckpoint>> byChain = new TreeMap<>();
        for (Checkpoint checkpoint : checkpoints.list(chainKeys)) {
            byChain.computeIfAbsent(checkpoint.chainKey(), key -> new ArrayList<>())
                    .add(new ChainVerifier.CheckedCheckpoint(checkpoint, signer.check(checkpoint)));
        }
        ChainVerifier verifier = new ChainVerifier(byChain);
        AccessLogRepository.ChainSnapshot snapshot = repository.readChains(chainKeys, verifier);
        return new VerifyReport(verifier.finish(snapshot.heads()), snapshot.unchained());
    }

    /** Subjects with at least {@code minDenials} cross-tenant denials in [from, to), within {@code scope}. */
    public List<CrossTenantDenials> crossTenantDenials(Instant from, Instant to, int minDenials, List<String> scope)
            throws SQLException {
        return repository.crossTenantDenials(from, to, minDenials, scope);
    }

    /** A page of entries, newest first; one extra row is read to know whether an older page exists. */
    public AccessLogPage page(AccessLogQuery query) throws SQLException {
        List<AccessLogEntry> rows = repository.find(query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new AccessLogPage(rows, null);
        }
        List<AccessLogEntry> items = rows.subList(0, query.limit());
        return new AccessLogPage(List.copyOf(items), AccessLogCursor.after(items.get(items.size() - 1)).encode());
    }
}
