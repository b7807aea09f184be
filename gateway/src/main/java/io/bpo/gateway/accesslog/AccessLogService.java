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
