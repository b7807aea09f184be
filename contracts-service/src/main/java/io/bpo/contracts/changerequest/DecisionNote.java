package io.bpo.contracts.changerequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of approve, reject and withdraw: a comment, required to reject. */
@Schema(name = "DecisionNote", description = "A comment on a decision; required to reject")
public record DecisionNote(
        @Schema(example = "Agreed at the steering committee of 12 May") @Size(max = 2000) String comment) {

    /**
     * The body is optional on approve and withdraw, so it arrives as text: a bare {@code POST} (no body, no
     * Content-Type) is a decision without a comment rather than a 415. A body given is strict JSON, validated like
     * any other, with the same 400 problems.
     */
    static DecisionNote parse(String body, ObjectMapper mapper, Validator validator) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        DecisionNote note = mapper.readValue(body, DecisionNote.class);
        if (note != null) {
            Set<ConstraintViolation<DecisionNote>> violations = validator.validate(note);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        return note;
    }
}
