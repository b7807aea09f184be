package io.bpo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser (Debian's headless chromium through chromedriver), signed in through the real
 * Keycloak, reading through the real gateway. Each role's home page is saved as a screenshot under
 * e2e/target/portal-screenshots/.
 */
class PortalBrowserIT extends PlatformClient {
    static final String PORTAL_URL = System.getProperty("portal.url", "http://localhost:8090");
    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    static final String ACME_CONTRACTS = "/api/v1/clients/" + ACME + "/contracts";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Contracts this class created: terminated at the end, so that acme's home page does not grow run after run. */
    static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    WebDriver browser;

    @org.junit.jupiter.api.AfterAll
    static void terminateCreatedContracts() {
        for (String contractId : CREATED) {
            long version = as(CAROL).get(ACME_CONTRACTS + "/" + contractId).then().statusCode(200)
                    .extract().jsonPath().getLong("version");
            as(CAROL).header("If-Match", "\"" + version + "\"").post(ACME_CONTRACTS + "/" + contractId + "/terminate")
                    .then().statusCode(200);
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} sees {1}, never {2}")
    @CsvSource({
        "alice, Acme Assurances SA, Globex",
        "grace, Acme Assurances SA, Globex",
        "bob,   Globex Corporation, Acme",
        "dave,  Knowledge base of acme, globex",
        "carol, Portfolio in, -",
        "erin,  Access log, Acme Assurances SA",
        "frank, Client registry, -"})
    void homePageShowsTheUsersOwnClientAndNeverAnothers(String user, String expected, String never) throws IOException {
        signIn(user, "en");
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains(expected), user + "'s home page shows " + expected + ":\n" + page);
        if (!never.equals("-")) {
            assertFalse(page.contains(never), user + "'s home page never shows " + never + ":\n" + page);
        }
        screenshot(user + "-home-en");
        browser.manage().addCookie(new Cookie("bpo-lang", "fr"));
        browser.navigate().refresh();
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        screenshot(user + "-home-fr");
    }

    @Test
    void aClientManagerIsRefusedAnotherClientsPageAndSeesNothingOfIt() {
        signIn(ALICE, "en");
        browser.get(PORTAL_URL + "/clients/" + GLOBEX);
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Access refused"), page);
        assertFalse(page.contains("Globex Corporation"), page);
    }

    @Test
    void aViewerSeesChangeRequestsWithoutActionButtons() throws Exception {
        String[] request = pendingChangeRequestApprovedByTheProvider();
        signIn("grace", "en");
        browser.get(PORTAL_URL + "/clients/" + ACME + "/contracts/" + request[0] + "/change-requests/" + request[1]);
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Lower abandonment target"));
        assertTrue(browser.findElements(By.id("approve")).isEmpty(), "a viewer has no approve button");
        assertTrue(browser.findElements(By.id("reject")).isEmpty(), "a viewer has no reject button");
    }

    @Test
    void aClientManagerApprovesAChangeRequestAndSeesTheNewTermsVersion() throws Exception {
        String[] request = pendingChangeRequestApprovedByTheProvider();
        signIn(ALICE, "en");
        // the home page lists it among the requests awaiting the client's side
        browser.findElement(By.cssSelector("a[href$='/change-requests/" + request[1] + "']")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertTrue(browser.findElement(By.cssSelector("table.diff")).getText().contains("4"), "the diff shows the new target");
        browser.findElement(By.id("approve")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("terms-version")));
        assertTrue(browser.findElement(By.id("terms-version")).getText().startsWith("Version 2 (amendment 1)"),
                browser.findElement(By.id("terms-version")).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Applied"));
    }

    @Test
    void anAgentFindsAFrenchProcedureByAWordWithoutAccentsAndAcknowledgesIt() {
        String word = randomWord();
        String title = "Dépannage électrique " + word;
        String articles = "/api/v1/clients/" + ACME + "/knowledge/articles";
        Map<String, Object> draft = Map.of("type", "PROCEDURE", "title", title,
                "body", "## Étapes\n\n1. Vérifier le disjoncteur électrique.\n2. Noter le numéro " + word + ".",
                "language", "fr", "tags", List.of("depannage"), "classification", "INTERNAL", "status", "DRAFT");
        String id = as(CAROL).body(draft).post(articles).then().statusCode(201).extract().path("id");
        as(CAROL).post(articles + "/" + id + "/submit").then().statusCode(200);
        as(ALICE).post(articles + "/" + id + "/publish").then().statusCode(200);

        signIn(DAVE, "en");
        browser.findElement(By.id("q")).sendKeys("electrique " + word);
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        By hit = By.cssSelector("ol.results a[href$='/articles/" + id + "']");
        wait(ExpectedConditions.presenceOfElementLocated(hit));
        assertTrue(browser.findElement(By.cssSelector("ol.results .snippet mark")).isDisplayed(), "highlighted words");
        browser.findElement(hit).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge")));
        assertEquals(title, browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("acknowledge")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("ack-done")));
        assertTrue(browser.findElements(By.id("acknowledge")).isEmpty(), "acknowledged once, no button any more");
        as(DAVE).get("/api/v1/clients/" + ACME + "/knowledge/acknowledgements/pending").then().statusCode(200)
                .body("articleId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void anAuditorVerifiesTheChains() {
        signIn(ERIN, "en");
        browser.findElement(By.id("verify")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("verify-result")));
        String result = browser.findElement(By.id("verify-result")).getText();
        assertTrue(result.matches("All \\d+ chains are intact\\."), result);
    }

    // ---------------------------------------------------------------- helpers

    /** A new active contract of acme with a change request raised and approved by carol (provider side). */
    static String[] pendingChangeRequestApprovedByTheProvider() throws IOException {
        ObjectNode terms = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("..", "scripts", "demo-data", "terms", "acme-1.json")));
        String reference = "E2E-PORTAL-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> contract = Map.of("reference", reference, "title", "Portal amendment " + reference,
                "engagementType", "BPO", "deliveryModel", "OUTSOURCED", "deliveryCountry", "TN",
                "deliveryLocation", "NEARSHORE", "startDate", "2026-01-01", "endDate", "2028-12-31", "currency", "EUR",
                "terms", JSON.convertValue(terms, Map.class));
        String contractId = as(CAROL).body(contract).post(ACME_CONTRACTS).then().statusCode(201).extract().path("id");
        String path = ACME_CONTRACTS + "/" + contractId;
        as(CAROL).header("If-Match", "\"0\"").post(path + "/activate").then().statusCode(200);
        CREATED.add(contractId);
        ((ObjectNode) terms.withArray("slas").get(1)).put("target", 4).put("warning", 3.5);
        Map<String, Object> proposal = Map.of("reason", "Lower abandonment target",
                "effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString(), "terms", JSON.convertValue(terms, Map.class));
        String requestId = as(CAROL).body(proposal).post(path + "/change-requests").then().statusCode(201)
                .extract().path("id");
        as(CAROL).header("If-Match", "\"0\"").body(Map.of("comment", "agreed")).post(path + "/change-requests/"
                + requestId + "/approve").then().statusCode(200);
        return new String[] {contractId, requestId};
    }

    /** A fresh browser signed in through Keycloak's login form, on the page the portal lands the user on. */
    void signIn(String user, String language) {
        ChromeOptions options = new ChromeOptions();
        String binary = System.getProperty("chromium.binary", "/usr/bin/chromium");
        if (Files.isExecutable(Path.of(binary))) {
            options.setBinary(binary);
        }
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("portal-chromium-"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        String driver = System.getProperty("chromedriver", "/usr/bin/chromedriver");
        ChromeDriverService service = Files.isExecutable(Path.of(driver))
                ? new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile()).build()
                : ChromeDriverService.createDefaultService();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.get(PORTAL_URL + "/");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        wait(ExpectedConditions.urlContains(PORTAL_URL));
        wait(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    }

    void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static String randomWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zx");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
