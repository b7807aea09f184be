package io.bpo.contracts.terms;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.terms.TermsDocs.contractWithTerms;
import static io.bpo.contracts.terms.TermsDocs.document;
import static io.bpo.contracts.terms.TermsDocs.set;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SLA as code: a contract's complete terms read and written back as one document, in JSON or YAML. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TermsResourceTest {
    static final String OWN = "tr-own";
    static final String OTHER = "tr-other";
    /** Only refused creations are sent here, so its contract list must stay empty. */
    static final String REFUSED = "tr-refused";
    static final String PROBLEM = "application/problem+json";
    static final String YAML = "application/yaml";
    static final String YAML_UTF8 = "application/yaml; charset=UTF-8";
    static final String MANAGER = Tokens.token("alice", "account-manager", OWN);
    static final String CLIENT_MANAGER = Tokens.token("claire", "client-manager", OWN);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);
    static final String AGENT = Tokens.token("dave", "agent", OWN);
    static final String OTHER_MANAGER = Tokens.token("bob", "account-manager", OTHER);
    static final String REFUSED_MANAGER = Tokens.token("alice", "account-manager", REFUSED);
    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML_READER = new YAMLMapper();

    @BeforeEach
    void clients() {
        Api.onboard(OWN);
        Api.onboard(OTHER);
        Api.onboard(REFUSED);
    }

    static String contracts(String clientId) {
        return "/api/v1/clients/" + clientId + "/contracts";
    }

    static String terms(String clientId, String contractId) {
        return contracts(clientId) + "/" + contractId + "/terms";
    }

    static String reference() {
        return "TR-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createDraft(String token, String clientId, Map<String, Object> terms) {
        return as(token).body(contractWithTerms(reference(), terms)).post(contracts(clientId))
                .then().statusCode(201).extract().path("id");
    }

    static String etagOfTerms(String clientId, String contractId) {
        return as(MANAGER).get(terms(clientId, contractId)).then().statusCode(200).extract().header("ETag");
    }

    static Response putTerms(String token, String contractId, String ifMatch, Object body) {
        RequestSpecification request = as(token).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(terms(OWN, contractId));
    }

    /** YAML goes on the wire as UTF-8 bytes (rest-assured has no encoder for application/yaml). */
    static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static JsonNode termsOf(String json) throws Exception {
        return JSON.readTree(json).get("terms");
    }

    // ---- reading -------------------------------------------------------------------------------------------

    @Test
    void contractCreatedWithCompleteTermsHasThemAsItsOriginalVersion() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        as(VIEWER).get(terms(OWN, id)).then().statusCode(200)
                .header("ETag", equalTo("\"1.0\""))
                .body("contractId", equalTo(id)).body("clientId", equalTo(OWN)).body("status", equalTo("DRAFT"))
                .body("currency", equalTo("EUR"))
                .body("versionNumber", equalTo(1)).body("amendmentNumber", equalTo(0))
                .body("effectiveFrom", equalTo("2026-01-01"))
                .body("terms.term.noticePeriodDays", equalTo(90)).body("terms.term.renewal", equalTo("TACIT"))
                .body("terms.pricing.model", equalTo("PER_TRANSACTION"))
                .body("terms.calendars[0].timeZone", equalTo("Europe/Paris"))
                .body("terms.calendars[0].weeklyHours[2].closes", equalTo("13:30:00"))
                .body("terms.scope.key", contains("billing-calls", "claims-email"))
                .body("terms.scope[1].languages", contains("fr", "en-GB"))
                .body("terms.objectives[0].slas", contains("service-level-20s", "csat"))
                .body("terms.slas.key", contains("service-level-20s", "abandonment", "csat"))
                .body("terms.slas[0].thresholdSeconds", equalTo(20))
                .body("terms.slas[0].bonus.stretchTarget", equalTo(85));
    }

    @Test
    void contractDatesAndNoticeComeFromTheTermsWhenGiven() {
        Map<String, Object> terms = TermsDocs.terms(java.time.LocalDate.parse("2026-03-01"),
                java.time.LocalDate.parse("2029-02-28"), 120);
        as(MANAGER).body(contractWithTerms(reference(), terms)).post(contracts(OWN))
                .then().statusCode(201)
                .body("startDate", equalTo("2026-03-01")).body("endDate", equalTo("2029-02-28"))
                .body("noticePeriodDays", equalTo(120));
    }

    @Test
    void contractCreatedWithoutTermsStartsFromDraftTermsBuiltFromItsDates() {
        String id = as(MANAGER).body(Api.contract(reference())).post(contracts(OWN))
                .then().statusCode(201).extract().path("id");
        as(MANAGER).get(terms(OWN, id)).then().statusCode(200)
                .header("ETag", equalTo("\"1.0\""))
                .body("versionNumber", equalTo(1)).body("effectiveFrom", equalTo("2026-01-01"))
                .body("terms.term.startDate", equalTo("2026-01-01")).body("terms.term.endDate", equalTo("2027-12-31"))
                .body("terms.term.noticePeriodDays", equalTo(90)).body("terms.term.renewal", equalTo("EXPLICIT"))
                .body("terms.pricing.model", equalTo("FIXED_FEE")).body("terms.pricing.monthlyFee", equalTo(0))
                .body("terms.governance", empty()).body("terms.calendars", empty()).body("terms.scope", empty())
                .body("terms.objectives", empty()).body("terms.slas", empty());
    }

    @Test
    void draftTermsOfAShortContractGiveNoticeNoLongerThanTheTerm() {
        Map<String, Object> body = new HashMap<>(Api.contract(reference()));
        body.put("endDate", "2026-01-31");
        String id = as(MANAGER).body(body).post(contracts(OWN)).then().statusCode(201).extract().path("id");
        as(MANAGER).get(terms(OWN, id)).then().statusCode(200).body("terms.term.noticePeriodDays", equalTo(30));
    }

    @Test
    void contractWithoutTermsShowsTheNoticeOfItsDraftTerms() {
        String id = as(MANAGER).body(Api.contract(reference())).post(contracts(OWN))
                .then().statusCode(201).body("noticePeriodDays", equalTo(90)).extract().path("id");
        as(MANAGER).get(contracts(OWN) + "/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("noticePeriodDays", equalTo(90));
    }

    @Test
    void termsReadAsYamlMeanTheSameAsJson() throws Exception {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        String json = as(VIEWER).get(terms(OWN, id)).then().statusCode(200).extract().asString();
        String yaml = as(VIEWER).accept(YAML).get(terms(OWN, id)).then().statusCode(200)
                .contentType(startsWith(YAML)).header("ETag", equalTo("\"1.0\""))
                .body(containsString("service-level-20s")).body(not(startsWith("---")))
                .extract().asString();
        assertEquals(JSON.readTree(json), JSON.valueToTree(YAML_READER.readValue(yaml, Map.class)),
                "YAML:\n" + yaml);
    }

    // ---- writing a draft -----------------------------------------------------------------------------------

    @Test
    void jsonDocumentPutBackUnchangedIsAcceptedWithANewETag() throws Exception {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        Response read = as(MANAGER).get(terms(OWN, id));
        String etag = read.header("ETag");
        String written = as(MANAGER).header("If-Match", etag).body(read.asString()).put(terms(OWN, id))
                .then().statusCode(200).contentType(startsWith("application/json"))
                .header("ETag", equalTo("\"1.1\"")).body("versionNumber", equalTo(1))
                .extract().asString();
        assertEquals(termsOf(read.asString()), termsOf(written));
        String reread = as(MANAGER).get(terms(OWN, id)).then().header("ETag", equalTo("\"1.1\"")).extract().asString();
        assertEquals(termsOf(read.asString()), termsOf(reread));
    }

    @Test
    void yamlDocumentPutBackUnchangedIsAcceptedWithANewETag() throws Exception {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        String before = as(MANAGER).get(terms(OWN, id)).asString();
        Response yaml = as(MANAGER).accept(YAML).get(terms(OWN, id));
        as(MANAGER).contentType(YAML_UTF8).accept(YAML).header("If-Match", yaml.header("ETag")).body(utf8(yaml.asString()))
                .put(terms(OWN, id))
                .then().statusCode(200).contentType(startsWith(YAML)).header("ETag", equalTo("\"1.1\""))
                .body(containsString("service-level-20s"));
        String after = as(MANAGER).get(terms(OWN, id)).asString();
        assertEquals(termsOf(before), termsOf(after));
    }

    @Test
    void yamlWrittenByHandIsAccepted() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        String yaml = """
                # Customer service, Tunis centre: what both parties sign
                terms:
                  term: {startDate: 2026-01-01, endDate: 2027-12-31, noticePeriodDays: 90, renewal: EXPLICIT}
                  pricing: {model: FIXED_FEE, monthlyFee: 85000.00}
                  governance: []
                  calendars:
                    - key: fr-business
                      timeZone: Europe/Paris
                      weeklyHours:
                        - {day: MONDAY, opens: "08:00", closes: "20:00"}
                      holidays: [2026-05-01]
                  scope:
                    - {key: billing-calls, process: Billing enquiries, channel: PHONE, languages: [fr],
                       calendar: fr-business, inScope: true}
                  objectives: []
                  slas:
                    - key: service-level-20s
                      name: 80% in 20 s
                      metric: SERVICE_LEVEL
                      target: 80
                      thresholdSeconds: 20
                      period: MONTH
                      calendar: fr-business
                      weight: 1
                      scope: [billing-calls]
                """;
        as(MANAGER).contentType(YAML_UTF8).header("If-Match", etagOfTerms(OWN, id)).body(utf8(yaml)).put(terms(OWN, id))
                .then().statusCode(200)
                .body("terms.pricing.model", equalTo("FIXED_FEE"))
                .body("terms.slas.key", contains("service-level-20s"))
                .body("terms.calendars[0].holidays", contains("2026-05-01"));
    }

    @Test
    void putReplacesTheDraftTerms() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        Map<String, Object> changed = TermsDocs.terms();
        set(changed, "slas[0].target", 85);
        set(changed, "slas[0].warning", 87);
        set(changed, "slas[0].bonus.stretchTarget", 90);
        putTerms(CLIENT_MANAGER, id, etagOfTerms(OWN, id), document(changed)).then().statusCode(200)
                .body("terms.slas[0].target", equalTo(85));
        as(VIEWER).get(terms(OWN, id)).then().body("terms.slas[0].target", equalTo(85))
                .body("terms.slas[0].bonus.stretchTarget", equalTo(90));
    }

    @Test
    void putMovingTheTermMovesTheDraftContract() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        Map<String, Object> changed = TermsDocs.terms();
        set(changed, "term.startDate", "2026-02-01");
        set(changed, "term.endDate", "2028-06-30");
        set(changed, "term.noticePeriodDays", 60);
        putTerms(MANAGER, id, etagOfTerms(OWN, id), document(changed)).then().statusCode(200)
                .body("effectiveFrom", equalTo("2026-02-01"));
        as(MANAGER).get(contracts(OWN) + "/" + id).then().statusCode(200)
                .body("startDate", equalTo("2026-02-01")).body("endDate", equalTo("2028-06-30"))
                .body("noticePeriodDays", equalTo(60));
    }

    @Test
    void putWithoutIfMatchIsPreconditionRequired() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        putTerms(MANAGER, id, null, document(set(TermsDocs.terms(), "slas[0].target", 85)))
                .then().statusCode(428).contentType(PROBLEM).body("type", endsWith("precondition-required"));
        as(MANAGER).get(terms(OWN, id)).then().header("ETag", equalTo("\"1.0\""))
                .body("terms.slas[0].target", equalTo(80));
    }

    @Test
    void putWithIfMatchStarIsPreconditionRequiredAndChangesNothing() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        putTerms(MANAGER, id, "*", document(set(TermsDocs.terms(), "slas[0].target", 85)))
                .then().statusCode(428).contentType(PROBLEM).body("type", endsWith("precondition-required"))
                .body("detail", org.hamcrest.Matchers.containsString("ETag you read"));
        as(MANAGER).get(terms(OWN, id)).then().header("ETag", equalTo("\"1.0\""))
                .body("terms.slas[0].target", equalTo(80));
    }

    @Test
    void putWithAStaleIfMatchIsPreconditionFailed() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        String stale = etagOfTerms(OWN, id);
        putTerms(MANAGER, id, stale, document(TermsDocs.terms())).then().statusCode(200);
        putTerms(MANAGER, id, stale, document(set(TermsDocs.terms(), "slas[0].target", 85)))
                .then().statusCode(412).contentType(PROBLEM).body("type", endsWith("precondition-failed"));
        putTerms(MANAGER, id, "\"not-an-etag\"", document(TermsDocs.terms())).then().statusCode(412);
        as(MANAGER).get(terms(OWN, id)).then().body("terms.slas[0].target", equalTo(80));
    }

    @Test
    void weakIfMatchOfTheCurrentETagIsAccepted() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        putTerms(MANAGER, id, "W/" + etagOfTerms(OWN, id), document(TermsDocs.terms())).then().statusCode(200);
    }

    /** Terms of a running contract are never written in place: the PUT becomes a change proposal (202). */
    @Test
    void putOnAnActiveContractProposesAChangeAndLeavesTheTermsInForce() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        as(MANAGER).header("If-Match", "\"0\"").post(contracts(OWN) + "/" + id + "/activate").then().statusCode(200);
        String etag = etagOfTerms(OWN, id);
        Map<String, Object> proposal = document(set(TermsDocs.terms(), "slas[0].target", 81));
        proposal.put("effectiveFrom", "2026-06-01");
        proposal.put("reason", "Raise the service level");
        putTerms(MANAGER, id, etag, proposal)
                .then().log().ifValidationFails().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/change-requests/"))
                .body("status", equalTo("PENDING"));
        as(MANAGER).get(terms(OWN, id)).then().header("ETag", equalTo(etag)).body("terms.slas[0].target", equalTo(80));
    }

    // ---- validation by path --------------------------------------------------------------------------------

    static Stream<Arguments> fieldRules() {
        return TermsCases.fieldRules();
    }

    static Stream<Arguments> crossFieldRules() {
        return TermsCases.crossFieldRules();
    }

    static Stream<Arguments> unreadable() {
        return TermsCases.unreadable();
    }

    private static void assertRefused(String contractId, Consumer<Map<String, Object>> breakIt, List<String> fields,
            String etag) {
        Map<String, Object> broken = TermsDocs.terms();
        breakIt.accept(broken);
        putTerms(MANAGER, contractId, etag, document(broken))
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("validation"))
                .body("errors.field", equalTo(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldRules")
    void fieldRuleBrokenInAPutIsNamedByPath(String rule, Consumer<Map<String, Object>> breakIt, List<String> fields) {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        assertRefused(id, breakIt, fields, etagOfTerms(OWN, id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossFieldRules")
    void crossFieldRuleBrokenInAPutIsNamedByPath(String rule, Consumer<Map<String, Object>> breakIt,
            List<String> fields) {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        assertRefused(id, breakIt, fields, etagOfTerms(OWN, id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableValueInAPutIsNamedByPath(String rule, Consumer<Map<String, Object>> breakIt, List<String> fields) {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        assertRefused(id, breakIt, fields, etagOfTerms(OWN, id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossFieldRules")
    void crossFieldRuleBrokenOnCreationIsNamedByPathAndCreatesNothing(String rule,
            Consumer<Map<String, Object>> breakIt, List<String> fields) {
        Map<String, Object> broken = TermsDocs.terms();
        breakIt.accept(broken);
        as(REFUSED_MANAGER).body(contractWithTerms(reference(), broken)).post(contracts(REFUSED))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(fields));
        as(REFUSED_MANAGER).get(contracts(REFUSED)).then().statusCode(200).body("items", empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldRules")
    void fieldRuleBrokenOnCreationIsNamedByPathAndCreatesNothing(String rule, Consumer<Map<String, Object>> breakIt,
            List<String> fields) {
        Map<String, Object> broken = TermsDocs.terms();
        breakIt.accept(broken);
        as(REFUSED_MANAGER).body(contractWithTerms(reference(), broken)).post(contracts(REFUSED))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(fields));
        as(REFUSED_MANAGER).get(contracts(REFUSED)).then().statusCode(200).body("items", empty());
    }

    @Test
    void refusedPutLeavesTheTermsAndTheirETagAlone() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        String etag = etagOfTerms(OWN, id);
        putTerms(MANAGER, id, etag, document(set(TermsDocs.terms(), "slas[1].warning", 6))).then().statusCode(400);
        as(MANAGER).get(terms(OWN, id)).then().header("ETag", equalTo(etag)).body("terms.slas[1].warning", equalTo(4));
    }

    @Test
    void documentWithoutTermsIsRefused() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        putTerms(MANAGER, id, etagOfTerms(OWN, id), Map.of("reason", "nothing"))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("terms"));
    }

    @Test
    void unknownPropertyOfTheDocumentIsNamed() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        Map<String, Object> body = document(TermsDocs.terms());
        body.put("discount", 12);
        putTerms(MANAGER, id, etagOfTerms(OWN, id), body)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("discount"));
    }

    @Test
    void unknownEnumConstantNamesTheAcceptedOnes() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        putTerms(MANAGER, id, etagOfTerms(OWN, id), document(set(TermsDocs.terms(), "slas[0].metric", "UPTIME")))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("terms.slas[0].metric"))
                .body("errors[0].reason", containsString("SERVICE_LEVEL"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        putTerms(MANAGER, id, etagOfTerms(OWN, id), "{\"terms\": {\"term\": ")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void malformedYamlIsABadRequest() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        as(MANAGER).contentType(YAML_UTF8).header("If-Match", etagOfTerms(OWN, id))
                .body(utf8("terms:\n  term: [unclosed\n  pricing: {model: FIXED_FEE\n"))
                .put(terms(OWN, id))
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        as(MANAGER).contentType(YAML_UTF8).header("If-Match", etagOfTerms(OWN, id))
                .body(utf8("terms:\n\tterm: tabs are not YAML indentation\n"))
                .put(terms(OWN, id))
                .then().statusCode(400).contentType(PROBLEM);
        as(MANAGER).contentType(YAML_UTF8).header("If-Match", etagOfTerms(OWN, id))
                .body(utf8("terms: \"unterminated\n"))
                .put(terms(OWN, id))
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("malformed-body"));
        as(MANAGER).get(terms(OWN, id)).then().header("ETag", equalTo("\"1.0\""));
    }

    /** YAML anchors and aliases are not expanded (so no "billion laughs"): an alias is refused like a wrong type. */
    @Test
    void yamlAliasesAreRefusedRatherThanExpanded() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        String yaml = as(MANAGER).accept(YAML).get(terms(OWN, id)).asString()
                .replace("    providerMembers:\n", "    providerMembers: &members\n")
                .replace("    clientMembers:\n    - Alice Dupont\n    - Head of customer care\n", "    clientMembers: *members\n");
        as(MANAGER).contentType(YAML_UTF8).header("If-Match", etagOfTerms(OWN, id)).body(utf8(yaml)).put(terms(OWN, id))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("terms.governance[0].clientMembers"));
    }

    @Test
    void yamlWithAnUnknownPropertyOrAWrongTypeIsNamedByPath() throws Exception {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        String etag = etagOfTerms(OWN, id);
        Map<String, Object> unknown = set(TermsDocs.terms(), "slas[1].penalty", 3);
        as(MANAGER).contentType(YAML_UTF8).header("If-Match", etag)
                .body(utf8(YAML_READER.writeValueAsString(document(unknown)))).put(terms(OWN, id))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("terms.slas[1].penalty"));
        Map<String, Object> wrongType = set(TermsDocs.terms(), "slas[1].warning", "high");
        as(MANAGER).contentType(YAML_UTF8).header("If-Match", etag)
                .body(utf8(YAML_READER.writeValueAsString(document(wrongType)))).put(terms(OWN, id))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("terms.slas[1].warning"));
    }

    @Test
    void yamlBreakingARuleIsNamedByPath() throws Exception {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        Map<String, Object> broken = set(TermsDocs.terms(), "slas[1].warning", 6);
        as(MANAGER).contentType(YAML_UTF8).header("If-Match", etagOfTerms(OWN, id))
                .body(utf8(YAML_READER.writeValueAsString(document(broken)))).put(terms(OWN, id))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("terms.slas[1].warning"));
    }

    // ---- roles ---------------------------------------------------------------------------------------------

    @Test
    void viewerReadsTheTermsButCannotWriteThem() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        as(VIEWER).get(terms(OWN, id)).then().statusCode(200);
        putTerms(VIEWER, id, etagOfTerms(OWN, id), document(TermsDocs.terms()))
                .then().statusCode(403).contentType(PROBLEM);
        as(MANAGER).get(terms(OWN, id)).then().header("ETag", equalTo("\"1.0\""));
    }

    @Test
    void clientManagerWritesDraftTerms() {
        String id = createDraft(CLIENT_MANAGER, OWN, TermsDocs.terms());
        putTerms(CLIENT_MANAGER, id, etagOfTerms(OWN, id), document(TermsDocs.terms())).then().statusCode(200);
    }

    @Test
    void agentSeesNoTerms() {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        as(AGENT).get(terms(OWN, id)).then().statusCode(403).contentType(PROBLEM);
        as(AGENT).get(contracts(OWN) + "/" + id + "/versions").then().statusCode(403);
    }

    // ---- isolation on every terms endpoint -----------------------------------------------------------------

    record Endpoint(String method, String path) {
        String on(String clientId, String contractId) {
            return contracts(clientId) + "/" + contractId + path;
        }

        Response send(RequestSpecification request, String clientId, String contractId) {
            if (method.equals("PUT")) {
                request.header("If-Match", "\"1.0\"").body(document(TermsDocs.terms()));
            }
            return request.request(method, on(clientId, contractId));
        }

        @Override
        public String toString() {
            return method + " ..." + path;
        }
    }

    static Stream<Endpoint> termsEndpoints() {
        return Stream.of(new Endpoint("GET", "/terms"), new Endpoint("GET", "/terms?at=2026-06-01"),
                new Endpoint("PUT", "/terms"), new Endpoint("GET", "/versions"), new Endpoint("GET", "/versions/1"),
                new Endpoint("GET", "/versions/1/diff/1"),
                new Endpoint("GET", "/terms-in-force?from=2026-01-01&to=2026-01-31"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("termsEndpoints")
    void anotherClientsPathIsForbidden(Endpoint endpoint) {
        String theirs = createDraft(OTHER_MANAGER, OTHER, TermsDocs.terms());
        endpoint.send(as(MANAGER), OTHER, theirs).then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("tenant-forbidden"));
        as(OTHER_MANAGER).get(terms(OTHER, theirs)).then().statusCode(200).header("ETag", equalTo("\"1.0\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("termsEndpoints")
    void anotherClientsContractUnderOwnPathIsNotFound(Endpoint endpoint) {
        String theirs = createDraft(OTHER_MANAGER, OTHER, TermsDocs.terms());
        endpoint.send(as(MANAGER), OWN, theirs).then().statusCode(404).contentType(PROBLEM);
        as(OTHER_MANAGER).get(terms(OTHER, theirs)).then().statusCode(200).header("ETag", equalTo("\"1.0\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("termsEndpoints")
    void missingContractIsNotFound(Endpoint endpoint) {
        endpoint.send(as(MANAGER), OWN, UUID.randomUUID().toString()).then().statusCode(404).contentType(PROBLEM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("termsEndpoints")
    void withoutTokenIsUnauthorized(Endpoint endpoint) {
        String id = createDraft(MANAGER, OWN, TermsDocs.terms());
        endpoint.send(given().contentType("application/json"), OWN, id).then().statusCode(401).contentType(PROBLEM);
    }
}
