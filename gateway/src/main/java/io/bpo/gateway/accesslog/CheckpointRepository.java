package io.bpo.gateway.accesslog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** The checkpoints table (append-only), plain JDBC on the app role's datasource. */
@ApplicationScoped
public class CheckpointRepository {

    /** Chain heads that moved past their chain's last checkpoint (or have none yet). */
    private static final String MOVED_HEADS = """
            SELECT h.chain_key, h.chain_seq, h.hash FROM access_log_chain_heads h
            WHERE h.chain_seq > coalesce(
                (SELECT max(c.chain_seq) FROM access_log_checkpoints c WHERE c.chain_key = h.chain_key), 0)
            ORDER BY h.chain_key
            """;

    private static final String INSERT = """
            INSERT INTO access_log_checkpoints (id, chain_key, chain_seq, hash, signed_at, key_id, signature)
            VALUES (?, ?, ?, ?, CAST(? AS timestamptz), ?, ?)
            """;

    private static final String SELECT = """
            SELECT id, chain_key, chain_seq, hash, signed_at, key_id, signature FROM access_log_checkpoints
            WHERE CAST(? AS text[]) IS NULL OR chain_key = ANY (?)
            ORDER BY chain_key, chain_seq, signed_at, id
            """;

    /** A chain head to checkpoint. */
    public record Head(String chainKey, long chainSeq, String hash) {
    }

    private final DataSource dataSource;

    CheckpointRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Head> movedHeads() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(MOVED_HEADS);
                ResultSet rows = select.executeQuery()) {
            List<Head> heads = new ArrayList<>();
            while (rows.next()) {
                heads.add(new Head(rows.getString(1), rows.getLong(2), rows.getString(3)));
            }
            return heads;
        }
    }

    public void insertAll(List<Checkpoint> checkpoints) throws SQLException {
        if (checkpoints.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Checkpoint checkpoint : checkpoints) {
                insert.setObject(1, checkpoint.id());
                insert.setString(2, checkpoint.chainKey());
                insert.setLong(3, checkpoint.chainSeq());
                insert.setString(4, checkpoint.hash());
                insert.setString(5, checkpoint.signedAt());
                insert.setString(6, checkpoint.keyId());
                insert.setString(7, checkpoint.signature());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Checkpoints of one chain, or of every chain when {@code chainKey} is null, in chain then seq order. */
    public List<Checkpoint> list(String chainKey) throws SQLException {
        return list(chainKey == null ? null : List.of(chainKey));
    }

    /** Checkpoints of the chains named, or of every chain when {@code chainKeys} is null. */
    public List<Checkpoint> list(List<String> chainKeys) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            java.sql.Array keys = chainKeys == null ? null : connection.createArrayOf("text", chainKeys.toArray());
            select.setArray(1, keys);
            select.setArray(2, keys);
            List<Checkpoint> checkpoints = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checkpoints.add(new Checkpoint(rows.getObject(1, UUID.class), rows.getString(2), rows.getLong(3),
                            rows.getString(4),
                            CheckpointSigner.format(rows.getObject(5, OffsetDateTime.class).toInstant()),
                            rows.getString(6), rows.getString(7)));
                }
            }
            return checkpoints;
        }
    }
}
