import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demo content through the gateway with real Keycloak tokens, idempotently: running it again
 * creates nothing new. JDK only, so that it runs as {@code java scripts/DemoData.java} on any JDK 17+.
 *
 * <ul>
 *   <li>frank (provider-admin) onboards the clients acme and globex;</li>
 *   <li>carol (account-manager) creates their contracts and knowledge articles (Idempotency-Key
 *       {@code demo-<client>-<n>} and {@code demo-<client>-article-<n>-draft}; skipped when already listed),
 *       submits the articles for review and the client's manager publishes them; carol assigns dave to acme's
 *       roster, dave acknowledges two articles, and each client gets a transfer plan in progress;</li>
 *   <li>the machine client ingest-acme pushes acme's interactions of the previous calendar month, carol
 *       globex's: deterministic pseudo-random records whose externalIds are the same at every run.</li>
 * </ul>
 *
 * Configuration: system properties gateway.url / keycloak.url or environment GATEWAY_URL / KEYCLOAK_URL;
 * DEMO_MONTH=2026-10 to load another month than the previous one. Article texts are in
 * scripts/demo-data/articles (UTF-8 Markdown with a small header).
 * Non-ASCII characters in this file are written as unicode escapes: the JDK 17 source launcher reads the
 * file in the platform encoding.
 */
public class DemoData {

    static final String GATEWAY = setting("gateway.url", "GATEWAY_URL", "http://localhost:8080");
    static final String KEYCLOAK = setting("keycloak.url", "KEYCLOAK_URL", "http://localhost:8180");
    static final String TOKEN_URL = KEYCLOAK + "/realms/bpo/protocol/openid-connect/token";
    static final Path ARTICLES = Path.of(System.getProperty("demo.articles",
            Path.of("scripts", "demo-data", "articles").toString()));
    static final int MAX_BATCH = 5000;

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Map<String, String> TOKENS = new HashMap<>();

    public static void main(String[] args) {
        try {
            run();
        } catch (Failure e) {
            System.err.println("demo data: FAILED: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("demo data: FAILED: " + e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    static void run() throws IOException, InterruptedException {
        System.out.println("demo data through " + GATEWAY + " (tokens from " + KEYCLOAK + ")");

        client("acme", "Acme Assurances SA", "FR", "Insurance");
        client("globex", "Globex Corporation", "US", "Telecommunications");

        contract("acme", 1, "ACME-BPO-2026-01", "Customer service (FR) \u2014 Tunis centre",
                "BPO", "OUTSOURCED", "TN", "NEARSHORE", "2026-01-01", "2028-12-31", "EUR");
        contract("acme", 2, "ACME-BPO-2026-02", "Claims back office (FR) \u2014 Casablanca centre",
                "BPO", "OUTSOURCED", "MA", "NEARSHORE", "2026-03-01", "2029-02-28", "EUR");
        contract("acme", 3, "ACME-ITO-2026-03", "IT service desk on Acme's infrastructure \u2014 Lyon",
                "ITO", "INSOURCED", "FR", "ONSHORE", "2026-06-01", "2027-05-31", "EUR");
        contract("globex", 1, "GLOBEX-BPO-2026-01", "Customer care (EN) \u2014 Bangalore centre",
                "BPO", "OUTSOURCED", "IN", "OFFSHORE", "2026-02-01", "2029-01-31", "USD");
        contract("globex", 2, "GLOBEX-KPO-2026-02", "Billing analytics and revenue assurance \u2014 Pune",
                "KPO", "OUTSOURCED", "IN", "OFFSHORE", "2026-04-01", "2028-03-31", "USD");
        contract("globex", 3, "GLOBEX-BPO-2026-03", "Retention desk (EN) with Globex agents \u2014 Port Louis",
                "BPO", "HOSTED", "MU", "OFFSHORE", "2026-09-01", "2027-08-31", "USD");
        contract("globex", 4, "GLOBEX-BPO-2026-04", "Claims processing back office (EN) \u2014 Manila centre",
                "BPO", "OUTSOURCED", "PH", "OFFSHORE", "2026-03-01", "2028-02-29", "USD");

        // complete terms, activation and one amendment approved by both parties
        agreement("acme", "ACME-BPO-2026-01", "acme-1", "2026-07-01",
                "Rel\u00e8vement du niveau de service apr\u00e8s la p\u00e9riode de stabilisation ; samedi jusqu'\u00e0 20 h",
                Principal.ALICE);
        agreement("globex", "GLOBEX-BPO-2026-04", "globex-4", "2026-09-01",
                "Peak season: oldest open claim at most 36 hours; intake forecast raised", Principal.BOB);

        for (String clientId : List.of("acme", "globex")) {
            for (int n = 1; n <= 3; n++) {
                article(clientId, n);
            }
        }
        knowledgeTransfer("acme", "ACME-BPO-2026-01", "Transfert Tunis : service clients Acme", Principal.ALICE,
                List.of(Principal.DAVE));
        knowledgeTransfer("globex", "GLOBEX-BPO-2026-04", "Manila claims back office: knowledge transfer",
                Principal.BOB, List.of());

        YearMonth month = System.getenv("DEMO_MONTH") != null
                ? YearMonth.parse(System.getenv("DEMO_MONTH"))
                : YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        interactions("acme", month, Principal.INGEST_ACME);
        interactions("globex", month, Principal.CAROL);

        System.out.println("demo data: done");
    }

    // ------------------------------------------------------------------ clients, contracts, articles

    static void client(String id, String legalName, String country, String sector)
            throws IOException, InterruptedException {
        String body = new Json().put("id", id).put("legalName", legalName).put("country", country)
                .put("sector", sector).toString();
        HttpResponse<String> r = send(Principal.FRANK, "POST", "/api/v1/clients", body, Map.of());
        switch (r.statusCode()) {
            case 201 -> System.out.println("  client " + id + ": created");
            case 409 -> System.out.println("  client " + id + ": already exists");
            default -> throw Failure.of("POST /api/v1/clients (" + id + ")", r);
        }
    }

    static void contract(String clientId, int n, String reference, String title, String engagementType,
            String deliveryModel, String deliveryCountry, String deliveryLocation, String startDate,
            String endDate, String currency) throws IOException, InterruptedException {
        String path = "/api/v1/clients/" + clientId + "/contracts";
        if (listed(Principal.CAROL, path, "\"reference\":" + Json.quote(reference))) {
            System.out.println("  contract " + reference + ": already exists");
            return;
        }
        String body = new Json().put("reference", reference).put("title", title)
                .put("engagementType", engagementType).put("deliveryModel", deliveryModel)
                .put("deliveryCountry", deliveryCountry).put("deliveryLocation", deliveryLocation)
                .put("startDate", startDate).put("endDate", endDate).put("currency", currency).toString();
        create(path, body, "demo-" + clientId + "-" + n, "contract " + reference);
    }

    /**
     * Brings a contract to its demo state, step by step and only where it is not there yet: complete terms on the
     * draft, activation, then one amendment raised by the provider and approved by both sides.
     */
    static void agreement(String clientId, String reference, String termsFile, String amendmentFrom, String reason,
            Principal clientSide) throws IOException, InterruptedException {
        String base = "/api/v1/clients/" + clientId + "/contracts/" + contractId(clientId, reference);
        Path dir = ARTICLES.getParent().resolve("terms");
        HttpResponse<String> contract = ok(send(Principal.CAROL, "GET", base, null, Map.of()), "GET " + base);
        if (contract.body().contains("\"status\":\"DRAFT\"")) {
            HttpResponse<String> terms = ok(send(Principal.CAROL, "GET", base + "/terms", null, Map.of()), "GET terms");
            if (!terms.body().contains("\"slas\":[{")) {
                String body = "{\"terms\":" + Files.readString(dir.resolve(termsFile + ".json")) + "}";
                ok(send(Principal.CAROL, "PUT", base + "/terms", body, Map.of("If-Match", etag(terms))),
                        "PUT terms of " + reference);
                System.out.println("  terms " + reference + ": written");
            }
            contract = ok(send(Principal.CAROL, "GET", base, null, Map.of()), "GET " + base);
            ok(send(Principal.CAROL, "POST", base + "/activate", null, Map.of("If-Match", etag(contract))),
                    "activate " + reference);
            System.out.println("  contract " + reference + ": activated");
        }
        HttpResponse<String> versions = ok(send(Principal.CAROL, "GET", base + "/versions", null, Map.of()),
                "GET versions");
        if (versions.body().contains("\"amendmentNumber\":1")) {
            System.out.println("  amendment 1 of " + reference + ": already applied");
            return;
        }
        String proposal = new Json().put("reason", reason).put("effectiveFrom", amendmentFrom).toString();
        proposal = proposal.substring(0, proposal.length() - 1) + ",\"terms\":"
                + Files.readString(dir.resolve(termsFile + "-amendment-1.json")) + "}";
        HttpResponse<String> raised = send(Principal.CAROL, "POST", base + "/change-requests", proposal,
                Map.of("Idempotency-Key", "demo-" + reference + "-amendment-1"));
        if (raised.statusCode() != 201) {
            throw Failure.of("raise amendment of " + reference, raised);
        }
        String request = base + "/change-requests/" + field(raised.body(), "id");
        for (Principal side : List.of(Principal.CAROL, clientSide)) {
            HttpResponse<String> current = ok(send(side, "GET", request, null, Map.of()), "GET change request");
            if (current.body().contains("\"status\":\"APPLIED\"")) {
                break;
            }
            ok(send(side, "POST", request + "/approve", new Json().put("comment", "Approved").toString(),
                    Map.of("If-Match", etag(current))), "approve amendment of " + reference + " as " + side.name);
        }
        System.out.println("  amendment 1 of " + reference + ": approved by both parties, effective " + amendmentFrom);
    }

    static String contractId(String clientId, String reference) throws IOException, InterruptedException {
        String path = "/api/v1/clients/" + clientId + "/contracts?limit=200";
        String body = ok(send(Principal.CAROL, "GET", path, null, Map.of()), "GET " + path).body();
        int at = body.indexOf("\"reference\":" + Json.quote(reference));
        if (at < 0) {
            throw new Failure("contract " + reference + " not found for " + clientId);
        }
        return field(body.substring(body.lastIndexOf("{\"id\"", at)), "id");
    }

    static HttpResponse<String> ok(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw Failure.of(what, r);
        }
        return r;
    }

    static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow(() -> new Failure("no ETag on " + r.uri()));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new Failure("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void article(String clientId, int n) throws IOException, InterruptedException {
        Path file = ARTICLES.resolve(clientId + "-" + n + ".md");
        Map<String, String> header = new HashMap<>();
        StringBuilder markdown = new StringBuilder();
        boolean inBody = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (inBody) {
                markdown.append(line).append('\n');
            } else if (line.equals("---")) {
                inBody = true;
            } else if (line.contains(":")) {
                header.put(line.substring(0, line.indexOf(':')).trim(), line.substring(line.indexOf(':') + 1).trim());
            }
        }
        String title = require(header, "title", file);
        String path = "/api/v1/clients/" + clientId + "/knowledge/articles";
        String label = "article " + clientId + "-" + n;
        if (listed(Principal.CAROL, path, "\"title\":" + Json.quote(title))) {
            System.out.println("  " + label + ": already exists");
            publishThroughReview(clientId, articleId(clientId, title), label);
            return;
        }
        List<String> tags = new ArrayList<>();
        for (String tag : header.getOrDefault("tags", "").split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        String body = new Json().put("type", require(header, "type", file)).put("title", title)
                .put("body", markdown.toString().strip() + "\n").put("language", require(header, "language", file))
                .putStrings("tags", tags).put("classification", require(header, "classification", file))
                .put("reviewBy", LocalDate.now(ZoneOffset.UTC).plusMonths(n == 3 ? -1 : 6).toString()).toString();
        create(path, body, "demo-" + clientId + "-article-" + n + "-draft", label);
        publishThroughReview(clientId, articleId(clientId, title), label);
    }

    // ------------------------------------------------------------------ knowledge review and transfer

    /** carol (the author) submits the draft, the client's manager reviews and publishes it: never its author. */
    static void publishThroughReview(String clientId, String id, String label) throws IOException, InterruptedException {
        String path = "/api/v1/clients/" + clientId + "/knowledge/articles/" + id;
        Principal reviewer = clientId.equals("acme") ? Principal.ALICE : Principal.BOB;
        String status = field(expect(send(Principal.CAROL, "GET", path, null, Map.of()), "GET " + path), "status");
        if (status.equals("DRAFT")) {
            expect(send(Principal.CAROL, "POST", path + "/submit", null, Map.of()), "submit " + label);
            status = "IN_REVIEW";
        }
        if (status.equals("IN_REVIEW")) {
            expect(send(reviewer, "POST", path + "/publish", null, Map.of()), "publish " + label);
            System.out.println("  " + label + ": published (reviewed by " + reviewer.name + ")");
        }
    }

    /** The id of the client's article with this title (carol reads every status). */
    static String articleId(String clientId, String title) throws IOException, InterruptedException {
        String path = "/api/v1/clients/" + clientId + "/knowledge/articles?limit=200";
        String body = expect(send(Principal.CAROL, "GET", path, null, Map.of()), "GET " + path);
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"clientId\":\"[^\"]*\",\"type\":\"[A-Z_]+\","
                + "\"title\":" + Pattern.quote(Json.quote(title))).matcher(body);
        if (!m.find()) {
            throw new Failure("article '" + title + "' of " + clientId + " not found after creating it");
        }
        return m.group(1);
    }

    /**
     * The roster of agents, acknowledgements of the published articles and a transfer plan in progress for the
     * contract (its reference as the contract id): discovery and documentation done, training under way, the rest
     * to do. Skipped when the contract already has a plan.
     */
    static void knowledgeTransfer(String clientId, String contract, String title, Principal clientManager,
            List<Principal> agents) throws IOException, InterruptedException {
        String knowledge = "/api/v1/clients/" + clientId + "/knowledge";
        for (Principal agent : agents) {
            expect(send(Principal.CAROL, "PUT", knowledge + "/roster/" + agent.name, null, Map.of()),
                    "roster " + clientId + " " + agent.name);
        }
        String listBody = expect(send(Principal.CAROL, "GET", knowledge + "/articles?status=PUBLISHED&limit=200", null,
                Map.of()), "published articles of " + clientId);
        List<String> articles = new ArrayList<>();
        Matcher ids = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"clientId\"").matcher(listBody);
        while (ids.find()) {
            articles.add(ids.group(1));
        }
        if (articles.size() < 3) {
            throw new Failure(clientId + ": expected the three demo articles to be published, found " + articles.size());
        }
        for (Principal agent : agents) {
            for (String article : articles.subList(0, 2)) {
                expect(send(agent, "POST", knowledge + "/articles/" + article + "/acknowledgements", null, Map.of()),
                        "acknowledgement by " + agent.name);
            }
        }
        String plans = knowledge + "/transfer-plans";
        String existing = expect(send(Principal.CAROL, "GET", plans + "?contractId=" + contract, null, Map.of()),
                "plans of " + contract);
        if (existing.contains("\"contractId\":" + Json.quote(contract))) {
            System.out.println("  transfer plan " + contract + ": already exists");
            return;
        }
        String planBody = expect(send(Principal.CAROL, "POST", plans,
                new Json().put("contractId", contract).put("title", title).toString(), Map.of()), "plan " + contract);
        String plan = field(planBody, "id");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Object[][] tasks = {
            {"DISCOVERY", "Process walkthrough with the client's team leads", "CLIENT", clientManager.name, -40, "DONE", List.of()},
            {"DOCUMENTATION", "Procedures written and published", "CLIENT", clientManager.name, -20, "DONE", articles},
            {"TRAINING", "Agents trained on the published procedures", "PROVIDER", "carol", 7, "IN_PROGRESS", articles},
            {"TRAINING", "Quiz on escalation rules", "PROVIDER", "carol", -2, "TODO", articles.subList(2, 3)},
            {"SHADOWING", "Agents shadow the client's senior staff", "CLIENT", clientManager.name, 21, "TODO", List.of()},
            {"REVERSE_SHADOWING", "Client staff shadow the provider's agents", "PROVIDER", "carol", 35, "TODO", List.of()},
            {"GO_LIVE", "Cut-over of the queues", "PROVIDER", "carol", 42, "TODO", List.of()},
            {"STABILISATION", "Daily calibration for four weeks", "PROVIDER", "carol", 70, "TODO", List.of()},
        };
        for (Object[] t : tasks) {
            @SuppressWarnings("unchecked")
            List<String> linked = (List<String>) t[6];
            String task = new Json().put("phase", t[0]).put("title", t[1]).put("ownerSide", t[2]).put("assignee", t[3])
                    .put("dueDate", today.plusDays((Integer) t[4]).toString()).put("status", t[5])
                    .putStrings("articleIds", linked).toString();
            expect(send(Principal.CAROL, "POST", plans + "/" + plan + "/tasks", task, Map.of()), "task " + t[1]);
        }
        System.out.println("  transfer plan " + contract + ": created with " + tasks.length + " tasks");
    }

    static String expect(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw Failure.of(what, r);
        }
        return r.body();
    }

    static void create(String path, String body, String idempotencyKey, String label)
            throws IOException, InterruptedException {
        HttpResponse<String> r = send(Principal.CAROL, "POST", path, body, Map.of("Idempotency-Key", idempotencyKey));
        switch (r.statusCode()) {
            case 200, 201 -> System.out.println("  " + label + ": "
                    + (r.headers().firstValue("Idempotent-Replayed").orElse("false").equals("true")
                            ? "already created (Idempotency-Key replay)" : "created"));
            case 409 -> System.out.println("  " + label + ": already exists");
            case 422 -> throw Failure.of("POST " + path + " (" + label + ", Idempotency-Key " + idempotencyKey
                    + "): the demo content changed since it was first loaded; reset the databases to load it again", r);
            default -> throw Failure.of("POST " + path + " (" + label + ")", r);
        }
    }

    /** Whether a list endpoint (any page) shows the marker; false when the list cannot be read. */
    static boolean listed(Principal who, String path, String marker) throws IOException, InterruptedException {
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            String url = cursor == null ? path : path + "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            HttpResponse<String> r = send(who, "GET", url, null, Map.of());
            if (r.statusCode() != 200) {
                return false;
            }
            if (r.body().contains(marker)) {
                return true;
            }
            Matcher next = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (!next.find()) {
                return false;
            }
            cursor = next.group(1);
        }
        return false;
    }

    static String require(Map<String, String> header, String key, Path file) {
        String value = header.get(key);
        if (value == null || value.isBlank()) {
            throw new Failure(file + ": header line '" + key + ": ...' is missing");
        }
        return value;
    }

    // ------------------------------------------------------------------ interactions

    /** One client's interactions of a month: business days, business hours, the client's channel mix. */
    static void interactions(String clientId, YearMonth month, Principal who) throws IOException, InterruptedException {
        Profile profile = clientId.equals("acme") ? Profile.ACME : Profile.GLOBEX;
        List<String> records = generate(clientId, month, profile);
        String path = "/api/v1/clients/" + clientId + "/reporting/interactions";
        long received = 0, created = 0, duplicates = 0;
        for (int from = 0; from < records.size(); from += MAX_BATCH) {
            List<String> batch = records.subList(from, Math.min(records.size(), from + MAX_BATCH));
            HttpResponse<String> r = send(who, "POST", path, "[" + String.join(",", batch) + "]", Map.of());
            if (r.statusCode() != 200 && r.statusCode() != 201) {
                throw Failure.of("POST " + path + " (" + batch.size() + " records as " + who.name + ")", r);
            }
            received += number(r.body(), "received");
            created += number(r.body(), "created");
            duplicates += number(r.body(), "duplicates");
        }
        System.out.printf("  interactions %s %s (as %s): %d sent, received %d, created %d, duplicates %d%n",
                clientId, month, who.name, records.size(), received, created, duplicates);
    }

    enum Channel { PHONE, EMAIL, CHAT, BACK_OFFICE }

    /** Where and when a client's centre works, its volumes and its queues. */
    enum Profile {
        // Tunis/Casablanca serving France: 07:00-17:00 UTC
        ACME(7, 55, new double[] {0.55, 0.25, 0.15, 0.05},
                new String[] {"billing", "refunds", "claims", "escalation"}, new double[] {0.40, 0.25, 0.25, 0.10}),
        // Bangalore serving US Eastern time: 13:00-23:00 UTC
        GLOBEX(13, 40, new double[] {0.60, 0.15, 0.20, 0.05},
                new String[] {"claims-intake", "billing", "tech-support", "retention"}, new double[] {0.25, 0.35, 0.30, 0.10});

        final int openHourUtc;
        final int perDay;
        final double[] channelMix;
        final String[] queues;
        final double[] queueMix;

        Profile(int openHourUtc, int perDay, double[] channelMix, String[] queues, double[] queueMix) {
            this.openHourUtc = openHourUtc;
            this.perDay = perDay;
            this.channelMix = channelMix;
            this.queues = queues;
            this.queueMix = queueMix;
        }
    }

    // relative arrivals per opening hour (10 hours): a morning peak and a smaller one after lunch
    static final double[] HOURLY = {0.06, 0.11, 0.14, 0.13, 0.10, 0.08, 0.11, 0.11, 0.09, 0.07};

    static List<String> generate(String clientId, YearMonth month, Profile p) {
        Random random = new Random((clientId + "/" + month).hashCode());
        List<String> records = new ArrayList<>();
        int seq = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            // Mondays are busier, Fridays quieter
            double dayFactor = day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.25
                    : day.getDayOfWeek() == DayOfWeek.FRIDAY ? 0.85 : 1.0;
            int count = (int) Math.round(p.perDay * dayFactor * (0.85 + 0.3 * random.nextDouble()));
            List<Instant> arrivals = new ArrayList<>();
            Instant open = day.atTime(p.openHourUtc, 0).toInstant(ZoneOffset.UTC);
            for (int i = 0; i < count; i++) {
                int hour = pick(random, HOURLY);
                arrivals.add(open.plusSeconds(hour * 3600L + random.nextInt(3600)));
            }
            arrivals.sort(null);
            for (Instant offered : arrivals) {
                seq++;
                records.add(record(String.format("%s-%s-%06d", clientId, month, seq), offered, p, random));
            }
        }
        return records;
    }

    static String record(String externalId, Instant offered, Profile p, Random random) {
        Channel channel = Channel.values()[pick(random, p.channelMix)];
        String queue = p.queues[pick(random, p.queueMix)];
        if (channel == Channel.BACK_OFFICE) {
            queue = p == Profile.ACME ? "refunds" : "billing";
        }
        Json json = new Json().put("externalId", externalId).put("channel", channel.name()).put("queue", queue)
                .put("offeredAt", iso(offered));
        boolean live = channel == Channel.PHONE || channel == Channel.CHAT;
        // live contacts wait seconds and may hang up; e-mails and back-office items wait hours, never abandon
        long wait = live ? Math.round(exponential(random, channel == Channel.PHONE ? 35 : 50))
                : Math.round(channel == Channel.EMAIL ? 1800 + random.nextDouble() * 6 * 3600
                        : 3600 + random.nextDouble() * 20 * 3600);
        long patience = Math.round(exponential(random, channel == Channel.PHONE ? 300 : 400));
        if (live && wait > patience) {
            long waited = Math.max(5, patience);
            json.put("endedAt", iso(offered.plusSeconds(waited))).put("waitSeconds", waited)
                    .put("abandoned", true)
                    .put("firstContactResolution", false);
            return json.toString();
        }
        long handle = switch (channel) {
            case PHONE -> 90 + Math.round(exponential(random, 260));
            case CHAT -> 180 + Math.round(exponential(random, 420));
            case EMAIL -> 120 + Math.round(exponential(random, 300));
            case BACK_OFFICE -> 300 + Math.round(exponential(random, 900));
        };
        Instant answered = offered.plusSeconds(wait);
        double fcrRate = queue.equals("escalation") || queue.equals("retention") ? 0.55
                : channel == Channel.BACK_OFFICE ? 0.88 : 0.76;
        json.put("answeredAt", iso(answered)).put("endedAt", iso(answered.plusSeconds(handle)))
                .put("waitSeconds", wait).put("handleSeconds", handle).put("abandoned", false)
                .put("firstContactResolution", random.nextDouble() < fcrRate);
        if (channel != Channel.BACK_OFFICE && random.nextDouble() < 0.35) {
            json.put("csat", 1 + pick(random, new double[] {0.06, 0.08, 0.16, 0.32, 0.38}));
        }
        return json.toString();
    }

    static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    // ------------------------------------------------------------------ HTTP and tokens

    enum Principal {
        FRANK("frank"), CAROL("carol"), ALICE("alice"), BOB("bob"), DAVE("dave"), INGEST_ACME("ingest-acme");

        final String name;

        Principal(String name) {
            this.name = name;
        }
    }

    static HttpResponse<String> send(Principal who, String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token(who))
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=UTF-8");
            b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpRequest request = b.build();
        // a service just started may drop the gateway's first connection (503 upstream-unavailable); what is safe to
        // send again (reads, PUTs, and records and measurements, which are idempotent by their external ids) is
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new Failure(method + " " + GATEWAY + path + ": " + e
                        + " (is the gateway running? ./platform status)");
            }
            boolean safeToRepeat = method.equals("GET") || method.equals("PUT")
                    || path.endsWith("/interactions") || path.endsWith("/measurements");
            if (response.statusCode() != 503 || !response.body().contains("upstream-unavailable") || !safeToRepeat
                    || attempt == 3) {
                return response;
            }
            System.out.println("  " + method + " " + path + ": service unavailable, sent again");
            Thread.sleep(1000L * attempt);
        }
    }

    static String token(Principal who) throws IOException, InterruptedException {
        String cached = TOKENS.get(who.name);
        if (cached != null) {
            return cached;
        }
        String form = who == Principal.INGEST_ACME
                ? "grant_type=client_credentials&client_id=ingest-acme&client_secret="
                        + System.getenv().getOrDefault("INGEST_ACME_SECRET", "ingest-acme-secret")
                : "grant_type=password&client_id=bpo-portal&username=" + who.name + "&password=" + who.name;
        HttpRequest request = HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r;
        try {
            r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("token for " + who.name + " from " + TOKEN_URL + ": " + e + " (is Keycloak running?)");
        }
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw Failure.of("token for " + who.name + " from " + TOKEN_URL, r);
        }
        TOKENS.put(who.name, m.group(1));
        return m.group(1);
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }

    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }

        static Failure of(String what, HttpResponse<String> r) {
            String contentType = r.headers().firstValue("Content-Type").orElse("-");
            return new Failure(what + " -> HTTP " + r.statusCode() + " (" + contentType + ")\n" + r.body());
        }
    }

    /** A flat JSON object built in insertion order; a null value leaves the field out. */
    static final class Json {
        private final Map<String, String> fields = new java.util.LinkedHashMap<>();

        Json put(String name, Object value) {
            if (value == null) {
                fields.remove(name);
            } else if (value instanceof Number || value instanceof Boolean) {
                fields.put(name, value.toString());
            } else {
                fields.put(name, quote(value.toString()));
            }
            return this;
        }

        Json putStrings(String name, List<String> values) {
            List<String> quoted = new ArrayList<>();
            values.forEach(v -> quoted.add(quote(v)));
            fields.put(name, "[" + String.join(",", quoted) + "]");
            return this;
        }

        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("{");
            fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
            return out.append('}').toString();
        }
    }
}
