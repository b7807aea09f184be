package io.bpo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Knowledge search with 100,000 published articles spread over 50 clients (2,000 each: acme and globex, whose demo
 * users the gateway admits, and 48 bench clients), half French, half English. Measures, in one run and alternating
 * rounds, the search endpoint through the gateway (token verified twice, tenant checks, access log, row-level
 * security, ranking and highlighted snippets) against a plain JDBC endpoint running the service's own SQL for the
 * same caller (default page of 10 hits). Goals: p95 through the gateway under 50 ms, throughput at least 0.40 of the direct one.
 *
 * <p>The articles are bulk-loaded once, straight into the dev database {@code knowledge} as its owner role (row-level
 * security is forced on the owner too, so each client's rows are written under its own {@code app.tenant_id}); they
 * carry the tag {@code bench-data} and author {@code bench-loader}, a second run finds them and loads nothing, and
 * {@code -Dclean=true} deletes them and exits.
 *
 * <p>System properties: {@code concurrency} (8), {@code initial.warmup}: at most this many seconds of unmeasured load on each endpoint
 * before round 1, until it is steady (90), {@code warmup} seconds before each round (5), {@code seconds} per round (15),
 * {@code rounds} (2), {@code jdbc.url}, {@code owner.user}/{@code owner.password}, {@code app.user}/{@code app.password}.
 */
public final class KnowledgeSearchBenchmark {
    static final int CLIENTS = 50;
    static final int PER_CLIENT = 2000;
    static final String TAG = "bench-data";
    static final String[] QUERIES_FR = {"facturation", "remboursement client", "escalade urgente", "contestation",
        "\u00e9ch\u00e9ance factur\u00e9e", "r\u00e9siliation contrat"};
    static final String[] QUERIES_EN = {"billing dispute", "refund", "claims intake", "escalation", "outage credit",
        "contract cancellation"};
    static final String[] FR = ("facturation facture factur\u00e9 remboursement rembourser client assur\u00e9 contrat"
            + " r\u00e9siliation \u00e9ch\u00e9ance cotisation pr\u00e9l\u00e8vement escalade urgente niveau dossier"
            + " litige contestation r\u00e9clamation v\u00e9rifier identit\u00e9 courrier d\u00e9lai jours montant"
            + " garantie sinistre d\u00e9claration expertise indemnisation agence conseiller rappel proc\u00e9dure"
            + " \u00e9tape valider transmettre responsable service qualit\u00e9 satisfaction enqu\u00eate").split(" ");
    static final String[] EN = ("billing bill billed invoice refund refunded customer account contract cancellation"
            + " renewal payment charge dispute escalation urgent tier case ticket claim claims intake outage"
            + " credit compensation verify identity letter deadline days amount warranty damage report assessment"
            + " agent callback procedure step validate forward manager service quality satisfaction survey").split(" ");

    private KnowledgeSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("jdbc.url", "jdbc:postgresql://localhost:5432/knowledge");
        String owner = System.getProperty("owner.user", "knowledge_owner");
        String ownerPassword = System.getProperty("owner.password", "knowledge_owner");
        List<String> clients = new ArrayList<>(List.of("acme", "globex"));
        for (int i = 1; clients.size() < CLIENTS; i++) {
            clients.add(String.format("bench-k%02d", i));
        }
        if (Boolean.getBoolean("clean")) {
            clean(url, owner, ownerPassword, clients);
            return;
        }
        load(url, owner, ownerPassword, clients);

        int concurrency = Integer.getInteger("concurrency", 8);
        int rounds = Integer.getInteger("rounds", 2);
        // carol (account-manager: every status) and dave (agent: published only) alternate on acme, carol and bob on
        // globex; different subjects keep the gateway's per-subject quota out of the measurement (a 429 fails the run)
        String carol = Platform.token("carol");
        String[][] callers = {{"acme", carol, "carol", "account-manager"}, {"acme", Platform.token("dave"), "dave", "agent"},
            {"globex", carol, "carol", "account-manager"}, {"globex", Platform.token("bob"), "bob", "client-manager"}};
        AtomicLong sent = new AtomicLong();
        String sample = Platform.get("/api/v1/clients/acme/knowledge/search?q=facturation", carol);
        System.out.printf("Knowledge search: %d articles over %d clients; sample answer %d bytes; %d concurrent clients,"
                + " %d rounds%n", CLIENTS * PER_CLIENT, CLIENTS, sample.length(), concurrency, rounds);

        LoadGenerator load = new LoadGenerator(concurrency, Duration.ofSeconds(Integer.getInteger("warmup", 5)),
                Duration.ofSeconds(Integer.getInteger("seconds", 15)));
        try (JdbcBaselineServer baseline = Baseline.start(url, System.getProperty("app.user", "knowledge_app"),
                System.getProperty("app.password", "knowledge_app"), concurrency)) {
            Supplier<HttpRequest> direct = () -> {
                long n = sent.getAndIncrement();
                String[] who = callers[(int) (n % callers.length)];
                return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + baseline.port() + "/search/" + who[0]
                        + "/" + who[2] + "/" + who[3] + "?q=" + enc(query(who[0], n)))).build();
            };
            Supplier<HttpRequest> viaGateway = () -> {
                long n = sent.getAndIncrement();
                String[] who = callers[(int) (n % callers.length)];
                return HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/api/v1/clients/" + who[0]
                                + "/knowledge/search?q=" + enc(query(who[0], n))))
                        .header("Authorization", "Bearer " + who[1]).header("Accept", "application/json").build();
            };
            // the baseline server is a fresh JVM and the service may have served little yet: both are brought to
            // steady state (JIT-compiled, caches filled) before anything is measured
            int initialWarmup = Integer.getInteger("initial.warmup", 90);
            if (initialWarmup > 0) {
                System.out.printf("warming up both endpoints until steady (5 s windows, at most %d s each; not measured)%n",
                        initialWarmup);
                load.warmUntilSteady("warm-up direct", direct, 200, Duration.ofSeconds(5), Duration.ofSeconds(initialWarmup));
                load.warmUntilSteady("warm-up via gateway", viaGateway, 200, Duration.ofSeconds(5),
                        Duration.ofSeconds(initialWarmup));
            }
            List<LoadGenerator.Result> base = new ArrayList<>();
            List<LoadGenerator.Result> full = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                LoadGenerator.Result b = load.run("same SQL over JDBC, round " + round, direct, 200);
                System.out.println(b);
                base.add(b);
                LoadGenerator.Result g = load.run("search via gateway, round " + round, viaGateway, 200);
                System.out.println(g);
                full.add(g);
            }
            double baseRate = base.stream().mapToDouble(LoadGenerator.Result::throughput).average().orElse(0);
            double fullRate = full.stream().mapToDouble(LoadGenerator.Result::throughput).average().orElse(0);
            double p95 = full.stream().mapToLong(LoadGenerator.Result::p95Micros).max().orElse(0) / 1000.0;
            double ratio = fullRate / baseRate;
            System.out.printf("RESULT knowledge search via gateway: p95 %.1f ms (goal < 50) %s; throughput %.0f / %.0f"
                    + " req/s direct = ratio %.2f (goal >= 0.40) %s%n", p95, p95 < 50 ? "MET" : "NOT MET", fullRate,
                    baseRate, ratio, ratio >= 0.40 ? "MET" : "NOT MET");
        }
    }

    static String query(String client, long n) {
        String[] queries = client.equals("acme") ? QUERIES_FR : QUERIES_EN;
        return queries[(int) ((n / 4) % queries.length)];
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ data

    static void load(String url, String owner, String password, List<String> clients) throws SQLException {
        long started = System.nanoTime();
        int loaded = 0;
        try (Connection c = DriverManager.getConnection(url, owner, password)) {
            c.setAutoCommit(false);
            for (int i = 0; i < clients.size(); i++) {
                String client = clients.get(i);
                bind(c, client);
                long have;
                try (PreparedStatement count = c.prepareStatement(
                        "select count(*) from articles where tenant_id = ? and tags @> array['" + TAG + "']")) {
                    count.setString(1, client);
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        have = rs.getLong(1);
                    }
                }
                boolean french = client.equals("acme") || (!client.equals("globex") && i % 2 == 0);
                Random random = new Random(client.hashCode());
                try (PreparedStatement insert = c.prepareStatement("insert into articles (tenant_id, id, type, title,"
                        + " body, language, tags, classification, status, author_subject, author_name, published_at,"
                        + " version, created_at, updated_at, owner_name, published_version)"
                        + " values (?, ?, ?, ?, ?, ?, array[?, ?], ?, 'PUBLISHED', 'bench-loader', 'bench-loader',"
                        + " now(), 0, now(), now(), 'bench-loader', 1)")) {
                    for (long n = have; n < PER_CLIENT; n++) {
                        String[] words = french ? FR : EN;
                        insert.setString(1, client);
                        insert.setObject(2, UUID.randomUUID());
                        insert.setString(3, n % 5 == 0 ? "FAQ" : "PROCEDURE");
                        insert.setString(4, text(random, words, 6));
                        insert.setString(5, text(random, words, 180));
                        insert.setString(6, french ? "fr" : "en");
                        insert.setString(7, TAG);
                        insert.setString(8, words[random.nextInt(10)].replaceAll("[^a-z]", ""));
                        insert.setString(9, n % 10 == 0 ? "CONFIDENTIAL" : "INTERNAL");
                        insert.addBatch();
                        loaded++;
                        if (n % 500 == 499) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
            try (Statement st = c.createStatement()) {
                st.execute("analyze articles");
            }
            c.commit();
        }
        System.out.printf("bench data: %d articles loaded in %.0f s (%d already there)%n", loaded,
                (System.nanoTime() - started) / 1e9, CLIENTS * PER_CLIENT - loaded);
    }

    static void clean(String url, String owner, String password, List<String> clients) throws SQLException {
        int deleted = 0;
        try (Connection c = DriverManager.getConnection(url, owner, password)) {
            c.setAutoCommit(false);
            for (String client : clients) {
                bind(c, client);
                try (PreparedStatement delete = c.prepareStatement("delete from articles where tenant_id = ?"
                        + " and author_name = 'bench-loader' and tags @> array['" + TAG + "']")) {
                    delete.setString(1, client);
                    deleted += delete.executeUpdate();
                }
                c.commit();
            }
        }
        System.out.println("bench data: " + deleted + " articles deleted");
    }

    static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement bind = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenant);
            bind.execute();
        }
    }

    /** Zipf-like word choice: the first words of the list are much more frequent, as in real text. */
    static String text(Random random, String[] words, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            int index = (int) Math.min(words.length - 1, Math.floor(Math.pow(u, 2.2) * words.length));
            out.append(i == 0 ? "" : (i % 12 == 0 ? ".\n" : " ")).append(words[index]);
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ baseline

    /**
     * The least an HTTP endpoint can do to answer the same search: JDK HTTP server, a fixed pool of connections as
     * the app role, one transaction binding the tenant, then the knowledge service's own search statement (same
     * query parsing, visibility predicate for the caller, ranking, page of 10, the bodies the snippets are cut from).
     * JSON written by hand; the snippet is the body's first 240 characters (the service marks the query's words in
     * the best passage, a few microseconds of Java per hit).
     * {@code GET /search/{tenant}/{user}/{role}?q=}.
     */
    static final class Baseline {
        static final String SQL = "with q as (select (websearch_to_tsquery('public.knowledge_fr', cast(? as text))"
                + " || websearch_to_tsquery('public.knowledge_en', cast(? as text))"
                + " || websearch_to_tsquery('public.knowledge_simple', cast(? as text))) as query)"
                + " select m.id, m.type, m.title, m.language, array_to_string(m.tags, ' '), m.classification, m.status,"
                + " m.published_version, m.rank, left(m.body, 100000), cast(q.query as text)"
                + " from (select a.id, a.type, a.title, a.language, a.tags, a.classification, a.status,"
                + " a.published_version, a.body, ts_rank(a.search_vector, q.query) as rank"
                + " from articles a, q where a.tenant_id = ? and a.search_vector @@ q.query"
                + " and a.status = any(string_to_array(?, ',')) and (a.classification <> 'RESTRICTED'"
                + " or a.author_subject = ? or a.owner_name = ? or ? = any(a.allowed_users) or ? = any(a.reviewers)"
                + " or a.allowed_roles && string_to_array(?, ','))"
                + " order by rank desc, a.id limit 11 offset 0) m, q order by m.rank desc, m.id";

        private Baseline() {
        }

        private static String passage(String body) {
            return body.length() <= 240 ? body : body.substring(0, 240) + "...";
        }

        /** The search endpoint: {@code GET /search/{tenant}/{user}/{role}?q=}. */
        static JdbcBaselineServer start(String jdbcUrl, String user, String password, int threads)
                throws IOException, SQLException {
            return new JdbcBaselineServer(jdbcUrl, user, password, threads, "/search/", Baseline::search);
        }

        private static byte[] search(Connection connection, String[] parts, String rawQuery) throws SQLException {
            String q = URLDecoder.decode(rawQuery.substring(2), StandardCharsets.UTF_8);
            boolean agent = parts[4].equals("agent");
            try (PreparedStatement select = connection.prepareStatement(SQL)) {
                int i = 1;
                select.setString(i++, q);
                select.setString(i++, q);
                select.setString(i++, q);
                select.setString(i++, parts[2]);
                select.setString(i++, agent ? "PUBLISHED" : "DRAFT,IN_REVIEW,PUBLISHED,ARCHIVED");
                select.setString(i++, UUID.nameUUIDFromBytes(parts[3].getBytes()).toString());
                select.setString(i++, parts[3]);
                select.setString(i++, parts[3]);
                select.setString(i++, parts[3]);
                select.setString(i, parts[4]);
                StringBuilder json = new StringBuilder("{\"items\":[");
                int rows = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next() && rows < 10) {
                        json.append(rows++ == 0 ? "" : ",").append("{\"id\":\"").append(rs.getString(1))
                                .append("\",\"title\":\"").append(rs.getString(3)).append("\",\"rank\":")
                                .append(rs.getDouble(9)).append(",\"snippet\":\"")
                                .append(passage(rs.getString(10)).replace("\\", "\\\\").replace("\"", "\\\"")
                                        .replace("\n", "\\n"))
                                .append("\"}");
                    }
                }
                return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
