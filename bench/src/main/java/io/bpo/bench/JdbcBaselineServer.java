package io.bpo.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline of the benchmarks: the least an HTTP endpoint can do to answer the same request. JDK HTTP server, a
 * fixed pool of JDBC connections as the service's app role, one transaction that binds the tenant named by the
 * path's first segment after the context (row-level security applies to it as to the service) and runs the
 * benchmark's {@link Query}. No authentication, no framework. {@code GET /{context}/{tenant}/...}.
 */
final class JdbcBaselineServer implements AutoCloseable {

    /** What the endpoint does inside the tenant's transaction. */
    @FunctionalInterface
    interface Query {
        /** The JSON answer for the path's segments ({@code path[2]} is the tenant) and raw query; null for 404. */
        byte[] answer(Connection connection, String[] path, String rawQuery) throws SQLException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Connection> pool;
    private final Query query;

    /** The contracts benchmark's endpoint: a contract's latest terms document. {@code GET /terms/{tenant}/{id}}. */
    static JdbcBaselineServer contractTerms(String jdbcUrl, String user, String password, int threads)
            throws IOException, SQLException {
        return new JdbcBaselineServer(jdbcUrl, user, password, threads, "/terms/", (connection, path, rawQuery) -> {
            try (PreparedStatement select = connection.prepareStatement("select terms from contract_versions"
                    + " where contract_id = ? order by number desc limit 1")) {
                select.setObject(1, UUID.fromString(path[3]));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getString(1).getBytes(StandardCharsets.UTF_8) : null;
                }
            }
        });
    }

    JdbcBaselineServer(String jdbcUrl, String user, String password, int threads, String context, Query query)
            throws IOException, SQLException {
        this.query = query;
        pool = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            connection.setAutoCommit(false);
            pool.add(connection);
        }
        executor = Executors.newFixedThreadPool(threads);
        // without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK and
        // every answer waits ~40 ms: a baseline that slow would flatter whatever is compared with it
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext(context, this::serve);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        byte[] body;
        int status = 200;
        Connection connection = null;
        try {
            connection = pool.take();
            try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, parts[2]);
                bind.execute();
            }
            body = query.answer(connection, parts, exchange.getRequestURI().getRawQuery());
            connection.commit();
            if (body == null) {
                status = 404;
                body = new byte[0];
            }
        } catch (Exception e) {
            status = 500;
            body = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
            if (connection != null) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // reported through the 500
                }
            }
        } finally {
            if (connection != null) {
                pool.add(connection);
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        pool.forEach(c -> {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing on the way out
            }
        });
    }
}
