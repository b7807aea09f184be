package io.bpo.contracts.terms;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cross-field rules of a terms document, without HTTP: every rule names the field to fix, all at once. */
class TermsRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static ContractTerms terms(Map<String, Object> document) {
        return JSON.convertValue(document, ContractTerms.class);
    }

    private static List<String> fieldsRefused(ContractTerms terms, String root) {
        ApiException refused = assertThrows(ApiException.class, () -> TermsRules.check(terms, root));
        assertEquals(400, refused.status());
        assertEquals("validation", refused.typeSlug());
        return refused.errors().stream().map(FieldError::field).toList();
    }

    static Stream<Arguments> crossFieldRules() {
        return TermsCases.crossFieldRules();
    }

    @Test
    void completeTermsPassEveryRule() {
        assertDoesNotThrow(() -> TermsRules.check(terms(TermsDocs.terms()), "terms"));
    }

    @Test
    void minimalDraftTermsPassEveryRule() {
        Map<String, Object> draft = TermsDocs.terms();
        draft.put("governance", List.of());
        draft.put("calendars", List.of());
        draft.put("scope", List.of());
        draft.put("objectives", List.of());
        draft.put("slas", List.of());
        TermsDocs.set(draft, "term.renewal", "EXPLICIT");
        TermsDocs.set(draft, "term.renewalPeriodMonths", null);
        assertDoesNotThrow(() -> TermsRules.check(terms(draft), "terms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossFieldRules")
    void brokenRuleIsReportedOnTheFieldToFix(String rule, Consumer<Map<String, Object>> breakIt, List<String> fields) {
        Map<String, Object> document = TermsDocs.terms();
        breakIt.accept(document);
        assertEquals(fields, fieldsRefused(terms(document), "terms"));
    }

    @Test
    void pathsAreRelativeToTheDocumentWithoutARoot() {
        Map<String, Object> document = TermsDocs.set(TermsDocs.terms(), "slas[1].warning", 6);
        assertEquals(List.of("slas[1].warning"), fieldsRefused(terms(document), ""));
        assertEquals(List.of("slas[1].warning"), fieldsRefused(terms(document), null));
    }

    @Test
    void everyReasonSaysWhatIsWrong() {
        Map<String, Object> document = TermsDocs.set(TermsDocs.terms(), "slas[1].calendar", "night-shift");
        ApiException refused = assertThrows(ApiException.class, () -> TermsRules.check(terms(document), "terms"));
        assertTrue(refused.errors().get(0).reason().contains("night-shift"), refused.errors().get(0).reason());
        assertTrue(refused.getMessage().contains("terms.slas[1].calendar"), refused.getMessage());
    }

    @Test
    void warningEqualToTheTargetIsAllowed() {
        Map<String, Object> document = TermsDocs.set(TermsDocs.terms(), "slas[0].warning", 80);
        assertDoesNotThrow(() -> TermsRules.check(terms(document), "terms"));
    }

    @Test
    void weightsAddingUpToExactlyOneAreAllowed() {
        Map<String, Object> document = TermsDocs.terms();
        TermsDocs.set(document, "slas[0].weight", new java.math.BigDecimal("0.3333"));
        TermsDocs.set(document, "slas[1].weight", new java.math.BigDecimal("0.3333"));
        TermsDocs.set(document, "slas[2].weight", new java.math.BigDecimal("0.3334"));
        assertDoesNotThrow(() -> TermsRules.check(terms(document), "terms"));
    }

    @Test
    void noticeAsLongAsTheTermIsAllowed() {
        // 2026-01-01 to 2027-12-31 is 729 days
        Map<String, Object> document = TermsDocs.set(TermsDocs.terms(), "term.noticePeriodDays", 729);
        assertDoesNotThrow(() -> TermsRules.check(terms(document), "terms"));
    }

    @Test
    void comparatorDefaultsToTheMetricsGoodDirection() {
        ContractTerms terms = terms(TermsDocs.terms());
        assertEquals(Comparator.LTE, TermsRules.comparatorOf(terms.slas().get(1)));
        assertEquals(Comparator.GTE, TermsRules.comparatorOf(terms.slas().get(2)));
    }
}
