package io.bpo.e2e;

import java.io.IOException;
import java.net.CookieManager;
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

    /** The one-time link of the newest invitation sent to this address, waiting for it at most 30 s. */
    static String linkSentTo(String email) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(MAIL_URL + "/api/user/"
                    + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode messages = JSON.readTree(response.body());
                for (int i = messages.size() - 1; i >= 0; i--) {
                    String mime = messages.get(i).path("mimeMessage").asText();
                    Matcher link = LINK.matcher(mime.toLowerCase(java.util.Locale.ROOT).contains("quoted-printable")
                            ? decodeQuotedPrintable(mime) : mime);
                    if (link.find()) {
                        return link.group(1).replace("&amp;", "&");
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no invitation with a one-time link reached " + email + " at " + MAIL_URL);
    }

    /** Follows the link and sets the password on Keycloak's update-password page; the last page's text. */
    static String acceptWithPassword(String link, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();
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

    private static URI resolve(URI base, String href) {
        return base.resolve(href.replace("&amp;", "&"));
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
