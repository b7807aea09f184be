package io.bpo.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an invited person does, without a browser: reads the invitation in the local mail server (GreenMail's API),
 * opens the one-time link, and goes through Keycloak's pages as a browser would (cookies kept, redirects followed,
 * each page's form posted) until the password is set. The pages are Keycloak's own login theme: only the form
 * actions, the links to proceed and the field names {@code password-new}/{@code password-confirm} are relied on.
 */
final class Invitations {

    static final String MAIL_URL = System.getProperty("mail.url", "http://localhost:8025");
    private static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROCEED = Pattern.compile("href=\"([^\"]*login-actions[^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Invitations() {
    }

    /** Every one-time link sent to this address so far, oldest first. */
    static java.util.List<String> linksSentTo(String email) throws IOException, InterruptedException {
        java.util.List<String> links = new java.util.ArrayList<>();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(MAIL_URL
                + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            for (JsonNode message : JSON.readTree(response.body())) {
                String mime = message.path("mimeMessage").asText();
                for (String text : java.util.List.of(readable(mime), decodeQuotedPrintable(mime), mime)) {
                    Matcher link = LINK.matcher(text);
                    if (link.find()) {
                        links.add(link.group(1).replace("&amp;", "&"));
                        break;
                    }
                }
            }
        }
        return links;
    }

    /** The first one-time link sent to this address that is not among {@code used}, waiting for it at most 30 s. */
    static String newLinkSentTo(String email, java.util.Set<String> used) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (String link : linksSentTo(email)) {
                if (!used.contains(link)) {
                    return link;
                }
            }
            Thread.sleep(500);
        }
        HttpResponse<String> mailbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(MAIL_URL
                + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "mailbox-" + email + ".json"), mailbox.body());
        throw new AssertionError("no new e-mail with a one-time link reached " + email + " at " + MAIL_URL
                + " (HTTP " + mailbox.statusCode() + ", mailbox in target/mailbox-" + email + ".json)");
    }

    /**
     * Does what the invited person does: opens the invitation's link, sets the password, and opens any further
     * link Keycloak mails (e-mail verification) until the password grant of {@code bpo-portal} succeeds; the token
     * response.
     */
    static io.restassured.path.json.JsonPath accept(String email, String password, java.util.function.Function<String,
            io.restassured.response.Response> signIn) throws IOException, InterruptedException {
        java.util.Set<String> used = new java.util.HashSet<>();
        HttpClient browser = browser();
        for (int attempt = 0; attempt < 3; attempt++) {
            String link = newLinkSentTo(email, used);
            used.add(link);
            follow(browser, link, password);
            io.restassured.response.Response tokens = signIn.apply(password);
            if (tokens.statusCode() == 200) {
                return tokens.jsonPath();
            }
        }
        throw new AssertionError("the invited " + email + " still cannot sign in: " + signIn.apply(password).asString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new LocalCookies())
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Follows a link through Keycloak's pages, setting the password where asked; the last page's text. */
    private static String follow(HttpClient browser, String link, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (int step = 0; step < 6; step++) {
            String body = page.body();
            if (body.contains("password-new")) {
                Matcher action = FORM_ACTION.matcher(body);
                if (!action.find()) {
                    throw new AssertionError("update-password page without a form: " + body);
                }
                String form = "password-new=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&password-confirm=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
                page = browser.send(HttpRequest.newBuilder(resolve(page.uri(), action.group(1)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                continue;
            }
            Matcher proceed = PROCEED.matcher(body);
            if (proceed.find()) {
                page = browser.send(HttpRequest.newBuilder(resolve(page.uri(), proceed.group(1))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                continue;
            }
            return body;
        }
        return page.body();
    }

    /**
     * A cookie jar for one local host: keeps every cookie it is sent and sends them all back. Keycloak marks its
     * session cookies Secure; a browser sends them to http://localhost (a secure context), java.net's CookieManager
     * does not.
     */
    private static final class LocalCookies extends java.net.CookieHandler {
        private final java.util.Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> headers) {
            if (cookies.isEmpty()) {
                return java.util.Map.of();
            }
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
            return java.util.Map.of("Cookie", java.util.List.of(header.toString()));
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) {
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            String cookieValue = pair.substring(eq + 1);
                            if (cookieValue.isEmpty() || value.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                                cookies.remove(pair.substring(0, eq).trim());
                            } else {
                                cookies.put(pair.substring(0, eq).trim(), cookieValue);
                            }
                        }
                    }
                }
            });
        }
    }

    private static URI resolve(URI base, String href) {
        return base.resolve(href.replace("&amp;", "&"));
    }

    /**
     * The text of a MIME message with each part's body decoded as its Content-Transfer-Encoding says (base64,
     * quoted-printable, or as is), parts concatenated: enough to find a link, whatever encoding the sender chose.
     */
    static String readable(String mime) {
        StringBuilder text = new StringBuilder();
        String[] lines = mime.split("\r?\n", -1);
        String encoding = "";
        boolean inHeaders = true;
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("--")) {
                text.append(decode(body.toString(), encoding));
                body.setLength(0);
                encoding = "";
                inHeaders = true;
                continue;
            }
            if (inHeaders) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-transfer-encoding:")) {
                    encoding = lower.substring("content-transfer-encoding:".length()).trim();
                }
                if (line.isEmpty()) {
                    inHeaders = false;
                }
                continue;
            }
            body.append(line).append('\n');
        }
        text.append(decode(body.toString(), encoding));
        return text.toString();
    }

    private static String decode(String body, String encoding) {
        if (encoding.startsWith("base64")) {
            try {
                return new String(java.util.Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return body;
            }
        }
        return encoding.startsWith("quoted-printable") ? decodeQuotedPrintable(body) : body;
    }

    /** Mail bodies may be quoted-printable: soft line breaks joined, =XX escapes decoded (UTF-8). */
    static String decodeQuotedPrintable(String text) {
        String joined = text.replace("=\r\n", "").replace("=\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
