package io.bpo.gateway.accesslog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.bpo.core.csv.CsvCells;
import io.bpo.gateway.accesslog.AccessLogRepository.ChainedRow;

/**
 * Streams access-log exports straight from a server-side cursor to the response: rows are fetched
 * {@value #FETCH_SIZE} at a time and written as they come, so memory stays flat whatever the range. Each export
 * reads one REPEATABLE READ, read-only snapshot of live and archived entries.
 * <p>
 * <b>NDJSON and CSV</b>: the entries matching the filters, oldest first, every field plus the chain columns, then a
 * trailer written only after the last row ({@link #TRAILER_COMPLETE}, {@link #CSV_TRAILER}): a consumer that does
 * not find it, or finds another count, holds a cut export.
 * <p>
 * <b>Bundle</b> (NDJSON, format {@value #BUNDLE_FORMAT}): what an auditor needs to verify offline with
 * tools/VerifyAccessLog.java and nothing but the JDK. Line 1 is the header (kind "bundle": filters, the
 * checkpoint public key); then, per chain, the contiguous run of entries (kind "entry") from the first to the
 * last chain_seq inside the time range, with nothing left out in between; then the chain's signed checkpoints
 * within that run (kind "checkpoint"); the last line (kind "end") counts entries and checkpoints, so a truncated
 * file is told from a complete one.
 */
@ApplicationScoped
public class AccessLogExporter {


    public static final String BUNDLE_FORMAT = "bpo-access-log-bundle-v1";
    /** NDJSON exports end with {"export":"complete","format":"ndjson","entries":N,"lastId":...,"lastRequestId":...}. */
    public static final String TRAILER_COMPLETE = "complete";
    /**
     * CSV exports end with one record whose first cell (the id column) is this, then {@code entries=N},
     * {@code lastId=...}, {@code lastRequestId=...} and empty cells up to the header's width.
     */
    public static final String CSV_TRAILER = "#export-complete";
    static final int FETCH_SIZE = 500;

    static final List<String> CSV_COLUMNS = List.of("id", "occurredAt", "requestId", "subject", "username", "roles",
            "clientId", "service", "method", "path", "pathTemplate", "resourceIds", "status", "outcome", "reason",
            "sourceAddress", "userAgent", "durationMs", "chain", "chainSeq", "prevHash", "hash", "hashVersion",
            "archived");

    private static final String RANGES = """
            SELECT coalesce(client_id, '-') AS chain_key, min(chain_seq), max(chain_seq) FROM access_log_all
            WHERE chain_seq IS NOT NULL
              AND (CAST(? AS text[]) IS NULL OR coalesce(client_id, '-') = ANY (?))
              AND (CAST(? AS timestamptz) IS NULL OR occurred_at >= ?)
              AND (CAST(? AS timestamptz) IS NULL OR occurred_at < ?)
            GROUP BY 1 ORDER BY 1
            """;

    private static final String RUN = "SELECT " + AccessLogRepository.COLUMNS + ", archived FROM access_log_all "
            + "WHERE coalesce(client_id, '-') = ? AND chain_seq BETWEEN ? AND ? ORDER BY chain_seq";

    private static final String RUN_CHECKPOINTS = """
            SELECT id, chain_key, chain_seq, hash, signed_at, key_id, signature FROM access_log_checkpoints
            WHERE chain_key = ? AND chain_seq BETWEEN ? AND ? ORDER BY chain_seq, signed_at, id
            """;

    private final DataSource dataSource;
    private final CheckpointSigner signer;
    private final JsonFactory json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    AccessLogExporter(DataSource dataSource, CheckpointSigner signer) {
        this.dataSource = dataSource;
        this.signer = signer;
    }

    /** What an export wrote. */
    public record Written(long entries, long checkpoints) {
    }

    public Written ndjson(AccessLogQuery query, OutputStream out) throws SQLException, IOException {
        return ReadSnapshot.in(dataSource, connection -> {
            long count = 0;
            AccessLogEntry last = null;
            try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8);
                    PreparedStatement select = filtered(connection, query);
                    ResultSet rows = select.executeQuery()) {
                generator.setRootValueSeparator(null);
                while (rows.next()) {
                    last = writeEntry(generator, null, rows);
                    generator.writeRaw('\n');
                    count++;
                }
                // written only once every row has been: a consumer that does not find it knows the file is cut
                generator.writeStartObject();
                generator.writeStringField("export", TRAILER_COMPLETE);
                generator.writeStringField("format", "ndjson");
                generator.writeNumberField("entries", count);
                generator.writeStringField("lastId", last == null ? null : last.id().toString());
                generator.writeStringField("lastRequestId", last == null ? null : last.requestId());
                generator.writeEndObject();
                generator.writeRaw('\n');
            }
            return new Written(count, 0);
        });
    }

    public Written csv(AccessLogQuery query, OutputStream out) throws SQLException, IOException {
        return ReadSnapshot.in(dataSource, connection -> {
            long count = 0;
            AccessLogEntry last = null;
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            try (PreparedStatement select = filtered(connection, query);
                    ResultSet rows = select.executeQuery()) {
                writer.write(String.join(",", CSV_COLUMNS));
                writer.write("\r\n");
                while (rows.next()) {
                    ChainedRow row = ChainedRow.read(rows);
                    AccessLogEntry e = row.entry();
                    List<String> cells = new ArrayList<>(CSV_COLUMNS.size());
                    cells.add(e.id().toString());
                    cells.add(ChainHash.occurredAt(e.occurredAt()));
                    cells.add(e.requestId());
                    cells.add(e.subject());
                    cells.add(e.username());
                    cells.add(String.join(" ", e.roles()));
                    cells.add(e.clientId());
                    cells.add(e.service());
                    cells.add(e.method());
                    cells.add(e.path());
                    cells.add(e.pathTemplate());
                    cells.add(ids(e.resourceIds()));
                    cells.add(Integer.toString(e.status()));
                    cells.add(e.outcome().name());
                    cells.add(e.reason());
                    cells.add(e.sourceAddress());
                    cells.add(e.userAgent());
                    cells.add(Long.toString(e.durationMs()));
                    boolean chained = rows.getObject("chain_seq") != null;
                    cells.add(chained ? ChainHash.chainKey(e.clientId()) : null);
                    cells.add(chained ? Long.toString(row.chainSeq()) : null);
                    cells.add(row.prevHash());
                    cells.add(row.hash());
                    cells.add(Integer.toString(row.hashVersion()));
                    cells.add(Boolean.toString(rows.getBoolean("archived")));
                    for (int i = 0; i < cells.size(); i++) {
                        if (i > 0) {
                            writer.write(',');
                        }
                        writer.write(CsvCells.cell(cells.get(i)));
                    }
                    writer.write("\r\n");
                    count++;
                    last = e;
                }
            }
            // the trailer record: as many cells as the header, the first one never a UUID (see CSV_TRAILER)
            List<String> trailer = new ArrayList<>(CSV_COLUMNS.size());
            trailer.add(CSV_TRAILER);
            trailer.add("entries=" + count);
            trailer.add("lastId=" + (last == null ? "" : last.id()));
            trailer.add("lastRequestId=" + (last == null ? "" : last.requestId()));
            while (trailer.size() < CSV_COLUMNS.size()) {
                trailer.add(null);
            }
            for (int i = 0; i < trailer.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(CsvCells.cell(trailer.get(i)));
            }
            writer.write("\r\n");
            writer.flush();
            return new Written(count, 0);
        });
    }

    /**
     * The verifiable bundle of the chains {@code chains} (every chain when null) over [from, to) (either may be
     * null: unbounded).
     */
    public Written bundle(List<String> chains, Instant from, Instant to, Map<String, Object> filters,
            OutputStream out) throws SQLException, IOException {
        return ReadSnapshot.in(dataSource, connection -> {
            long entries = 0;
            long checkpoints = 0;
            try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
                generator.setRootValueSeparator(null);
                generator.writeStartObject();
                generator.writeStringField("kind", "bundle");
                generator.writeStringField("format", BUNDLE_FORMAT);
                generator.writeStringField("createdAt", ChainHash.occurredAt(Instant.now()));
                generator.writeObjectFieldStart("filters");
                for (Map.Entry<String, Object> filter : filters.entrySet()) {
                    generator.writeStringField(filter.getKey(), String.valueOf(filter.getValue()));
                }
                generator.writeEndObject();
                generator.writeStringField("algorithm", CheckpointSigner.ALGORITHM);
                generator.writeStringField("keyId", signer.keyId());
                generator.writeStringField("publicKey", signer.publicKeyBase64());
                // every key a checkpoint may name, so that checkpoints signed before a rotation verify too
                generator.writeArrayFieldStart("keys");
                for (CheckpointSigner.PublishedKey key : signer.keys()) {
                    generator.writeStartObject();
                    generator.writeStringField("keyId", key.keyId());
                    generator.writeStringField("algorithm", key.algorithm());
                    generator.writeStringField("publicKey", key.publicKey());
                    generator.writeStringField("status", key.status());
                    generator.writeEndObject();
                }
                generator.writeEndArray();
                generator.writeEndObject();
                generator.writeRaw('\n');

                List<long[]> bounds = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                try (PreparedStatement ranges = connection.prepareStatement(RANGES)) {
                    java.sql.Array array = chains == null ? null : connection.createArrayOf("text", chains.toArray());
                    OffsetDateTime start = from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
                    OffsetDateTime end = to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
                    ranges.setArray(1, array);
                    ranges.setArray(2, array);
                    ranges.setObject(3, start);
                    ranges.setObject(4, start);
                    ranges.setObject(5, end);
                    ranges.setObject(6, end);
                    try (ResultSet rows = ranges.executeQuery()) {
                        while (rows.next()) {
                            keys.add(rows.getString(1));
                            bounds.add(new long[] { rows.getLong(2), rows.getLong(3) });
                        }
                    }
                }
                for (int i = 0; i < keys.size(); i++) {
                    try (PreparedStatement run = connection.prepareStatement(RUN)) {
                        run.setFetchSize(FETCH_SIZE);
                        run.setString(1, keys.get(i));
                        run.setLong(2, bounds.get(i)[0]);
                        run.setLong(3, bounds.get(i)[1]);
                        try (ResultSet rows = run.executeQuery()) {
                            while (rows.next()) {
                                writeEntry(generator, "entry", rows);
                                generator.writeRaw('\n');
                                entries++;
                            }
                        }
                    }
                    try (PreparedStatement run = connection.prepareStatement(RUN_CHECKPOINTS)) {
                        run.setString(1, keys.get(i));
                        run.setLong(2, bounds.get(i)[0]);
                        run.setLong(3, bounds.get(i)[1]);
                        try (ResultSet rows = run.executeQuery()) {
                            while (rows.next()) {
                                generator.writeStartObject();
                                generator.writeStringField("kind", "checkpoint");
                                generator.writeStringField("id", rows.getObject(1, UUID.class).toString());
                                generator.writeStringField("chain", rows.getString(2));
                                generator.writeNumberField("chainSeq", rows.getLong(3));
                                generator.writeStringField("hash", rows.getString(4));
                                generator.writeStringField("signedAt", CheckpointSigner.format(
                                        rows.getObject(5, OffsetDateTime.class).toInstant()));
                                generator.writeStringField("keyId", rows.getString(6));
                                generator.writeStringField("signature", rows.getString(7));
                                generator.writeEndObject();
                                generator.writeRaw('\n');
                                checkpoints++;
                            }
                        }
                    }
                }
                generator.writeStartObject();
                generator.writeStringField("kind", "end");
                generator.writeNumberField("chains", keys.size());
                generator.writeNumberField("entries", entries);
                generator.writeNumberField("checkpoints", checkpoints);
                generator.writeEndObject();
                generator.writeRaw('\n');
            }
            return new Written(entries, checkpoints);
        });
    }

    private static PreparedStatement filtered(Connection connection, AccessLogQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(AccessLogRepository.COLUMNS)
                .append(", archived FROM access_log_all");
        List<Object> args = new ArrayList<>();
        AccessLogRepository.where(query, sql, args);
        sql.append(" ORDER BY occurred_at, id");
        PreparedStatement select = connection.prepareStatement(sql.toString());
        select.setFetchSize(FETCH_SIZE);
        AccessLogRepository.bindAll(connection, select, args);
        return select;
    }

    /** One entry as an NDJSON object; {@code kind} null leaves the kind field out (plain exports). Returns it. */
    private static AccessLogEntry writeEntry(JsonGenerator g, String kind, ResultSet rows)
            throws SQLException, IOException {
        ChainedRow row = ChainedRow.read(rows);
        AccessLogEntry e = row.entry();
        boolean chained = rows.getObject("chain_seq") != null;
        g.writeStartObject();
        if (kind != null) {
            g.writeStringField("kind", kind);
        }
        g.writeStringField("id", e.id().toString());
        g.writeStringField("occurredAt", ChainHash.occurredAt(e.occurredAt()));
        g.writeStringField("requestId", e.requestId());
        g.writeStringField("subject", e.subject());
        g.writeStringField("username", e.username());
        g.writeArrayFieldStart("roles");
        for (String role : e.roles()) {
            g.writeString(role);
        }
        g.writeEndArray();
        g.writeStringField("clientId", e.clientId());
        g.writeStringField("service", e.service());
        g.writeStringField("method", e.method());
        g.writeStringField("path", e.path());
        g.writeStringField("pathTemplate", e.pathTemplate());
        g.writeObjectFieldStart("resourceIds");
        for (Map.Entry<String, String> id : e.resourceIds().entrySet()) {
            g.writeStringField(id.getKey(), id.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("status", e.status());
        g.writeStringField("outcome", e.outcome().name());
        g.writeStringField("reason", e.reason());
        g.writeStringField("sourceAddress", e.sourceAddress());
        g.writeStringField("userAgent", e.userAgent());
        g.writeNumberField("durationMs", e.durationMs());
        g.writeStringField("chain", chained ? ChainHash.chainKey(e.clientId()) : null);
        if (chained) {
            g.writeNumberField("chainSeq", row.chainSeq());
        } else {
            g.writeNullField("chainSeq");
        }
        g.writeStringField("prevHash", row.prevHash());
        g.writeStringField("hash", row.hash());
        g.writeNumberField("hashVersion", row.hashVersion());
        g.writeBooleanField("archived", rows.getBoolean("archived"));
        g.writeEndObject();
        return e;
    }

    private static String ids(Map<String, String> ids) {
        StringBuilder out = new StringBuilder();
        ids.forEach((name, value) -> out.append(out.length() == 0 ? "" : " ").append(name).append('=').append(value));
        return out.toString();
    }
}
