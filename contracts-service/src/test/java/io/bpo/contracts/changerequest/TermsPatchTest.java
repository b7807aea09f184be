package io.bpo.contracts.changerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bpo.contracts.terms.ContractTerms;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The patch between two terms documents and the parts of the agreement it touches, without a server. */
class TermsPatchTest {
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static ContractTerms parse(ObjectNode node) throws Exception {
        return MAPPER.treeToValue(node, ContractTerms.class);
    }

    @Test
    void sameTermsGiveAnEmptyPatch() throws Exception {
        JsonNode patch = TermsPatch.between(MAPPER, parse(Amendments.terms()), parse(Amendments.terms()));
        assertTrue(patch.isEmpty(), patch.toString());
    }

    @Test
    void numbersAreComparedByValue() throws Exception {
        ObjectNode scaled = Amendments.terms();
        ((ObjectNode) scaled.at("/slas/0")).put("target", new BigDecimal("80.00"));
        ((ObjectNode) scaled.at("/pricing")).put("monthlyFee", new BigDecimal("85000"));
        JsonNode patch = TermsPatch.between(MAPPER, parse(Amendments.terms()), parse(scaled));
        assertTrue(patch.isEmpty(), patch.toString());
    }

    @Test
    void eachSectionMapsToItsCategory() throws Exception {
        ObjectNode changed = Amendments.termsWithTarget(85);
        ((ObjectNode) changed.at("/calendars/0/weeklyHours/0")).put("closes", "20:00");
        ((ObjectNode) changed.at("/governance/0")).put("cadence", "QUARTERLY");
        JsonNode patch = TermsPatch.between(MAPPER, parse(Amendments.terms()), parse(changed));
        assertEquals(EnumSet.of(ChangeCategory.SLA, ChangeCategory.SCOPE, ChangeCategory.GOVERNANCE),
                TermsPatch.categories(patch));
    }

    @Test
    void objectivesTravelWithTheSlasAndCalendarsWithTheScope() {
        assertEquals(ChangeCategory.SLA, ChangeCategory.ofPointer("/objectives/0/statement"));
        assertEquals(ChangeCategory.SCOPE, ChangeCategory.ofPointer("/calendars/0/holidays/1"));
        assertEquals(ChangeCategory.TERM, ChangeCategory.ofPointer("/term"));
        assertNull(ChangeCategory.ofPointer(""));
    }

    @Test
    void patchValueIsTheNewValue() throws Exception {
        JsonNode patch = TermsPatch.between(MAPPER, parse(Amendments.terms()), parse(Amendments.termsWithTarget(85)));
        Set<String> paths = new java.util.HashSet<>();
        patch.forEach(op -> paths.add(op.get("path").asText()));
        assertEquals(Set.of("/slas/0/target", "/slas/0/warning"), paths);
        patch.forEach(op -> {
            if (op.get("path").asText().equals("/slas/0/target")) {
                assertEquals(85, op.get("value").asInt());
                assertEquals("replace", op.get("op").asText());
            }
        });
    }
}
