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
 * The baseline: the least an HTTP endpoint can do to serve the same row. JDK HTTP server, a fixed pool of JDBC
 * connections as the service's app role, one transaction that binds the tenant (row-level security applies to it
 * as to the service) and selects the contract's latest terms document. No authentication, no framework.
 * {@code GET /terms/{tenant}/{contractId}}.
 */
final class JdbcBaselineServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Connection> pool;

    JdbcBaselineServer(String jdbcUrl, String user, String password, int threads) throws IOException, SQLException {
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
        server.createContext("/terms/", this::serve);
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
            try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)");
                    PreparedStatement select = connection.prepareStatement("select terms from contract_versions"
                            + " where contract_id = ? order by number desc limit 1")) {
                bind.setString(1, parts[2]);
                bind.execute();
                select.setObject(1, UUID.fromString(parts[3]));
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        body = rows.getString(1).getBytes(StandardCharsets.UTF_8);
                    } else {
                        status = 404;
                        body = new byte[0];
                    }
                }
                connection.commit();
            }
        } catch (Exception e) {
            status = 500;
            body = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
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
