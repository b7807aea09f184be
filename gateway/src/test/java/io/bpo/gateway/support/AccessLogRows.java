package io.bpo.gateway.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Reads access-log rows straight from the table, as the app role. */
public final class AccessLogRows {

    private AccessLogRows() {
    }

    public static List<Map<String, Object>> byRequestId(DataSource dataSource, String requestId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT * FROM access_log WHERE request_id = ? ORDER BY seq")) {
            select.setString(1, requestId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        if (value instanceof Array array) {
                            value = Arrays.asList((Object[]) array.getArray());
                        } else if (value instanceof Timestamp timestamp) {
                            value = timestamp.toInstant();
                        }
                        row.put(meta.getColumnName(i), value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one row of a request; fails when there is none or more than one. */
    public static Map<String, Object> single(DataSource dataSource, String requestId) {
        List<Map<String, Object>> rows = byRequestId(dataSource, requestId);
        if (rows.size() != 1) {
            throw new AssertionError("expected exactly one access-log entry for " + requestId + ", found " + rows);
        }
        return rows.get(0);
    }
}
