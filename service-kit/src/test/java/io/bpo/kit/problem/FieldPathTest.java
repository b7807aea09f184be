package io.bpo.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    record Sla(@NotNull String key, @Min(0) int target) {
    }

    record Terms(@Valid List<Sla> slas, List<@Pattern(regexp = "[a-z]+") String> tags, @Valid Sla main) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    private String pathOf(Terms terms) {
        return ProblemMappers.fieldOf(validator.validate(terms).iterator().next());
    }

    @Test
    void elementOfAListIsNamedByIndexBeforeItsField() {
        assertEquals("slas[1].target", pathOf(new Terms(List.of(new Sla("a", 1), new Sla("b", -1)), List.of(), null)));
    }

    @Test
    void containerElementIsNamedByIndex() {
        assertEquals("tags[2]", pathOf(new Terms(List.of(), List.of("ok", "fine", "NOT OK"), null)));
    }

    @Test
    void nestedObjectFieldIsDotted() {
        assertEquals("main.key", pathOf(new Terms(List.of(), List.of(), new Sla(null, 1))));
    }
}
