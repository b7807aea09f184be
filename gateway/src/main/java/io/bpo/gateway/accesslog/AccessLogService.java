package io.bpo.gateway.accesslog;

import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads of the access log for auditors. */
@ApplicationScoped
public class AccessLogService {

    private final AccessLogRepository repository;

    AccessLogService(AccessLogRepository repository) {
        this.repository = repository;
    }

    /**
     * Recomputes the hash chain of one client ({@code chainKey} a client id, or '-' for the entries without a
     * client), or of every chain when it is null.
     */
    public VerifyReport verify(String chainKey) throws SQLException {
        ChainVerifier verifier = new ChainVerifier();
        AccessLogRepository.ChainSnapshot snapshot = repository.readChains(chainKey, verifier);
        return new VerifyReport(verifier.finish(snapshot.heads()), snapshot.unchained());
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
