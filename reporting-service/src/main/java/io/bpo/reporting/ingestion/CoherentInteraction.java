package io.bpo.reporting.ingestion;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * Rules across fields of one record, each reported on the field to fix: a contact is answered and ends no earlier
 * than it was offered, and an abandoned contact was never answered, so it has neither answeredAt nor handleSeconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CoherentInteraction.Validator.class)
public @interface CoherentInteraction {
    String message() default "is inconsistent with the other fields of the record";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CoherentInteraction, InteractionRecord> {
        @Override
        public boolean isValid(InteractionRecord record, ConstraintValidatorContext context) {
            if (record == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (before(record.answeredAt(), record.offeredAt())) {
                valid = reject(context, "answeredAt", "must not be before offeredAt");
            }
            if (before(record.endedAt(), record.offeredAt())) {
                valid = reject(context, "endedAt", "must not be before offeredAt");
            }
            if (Boolean.TRUE.equals(record.abandoned())) {
                if (record.answeredAt() != null) {
                    valid = reject(context, "answeredAt", "must be absent when abandoned is true");
                }
                if (record.handleSeconds() != null) {
                    valid = reject(context, "handleSeconds", "must be absent when abandoned is true");
                }
            }
            return valid;
        }

        private static boolean before(Instant instant, Instant reference) {
            return instant != null && reference != null && instant.isBefore(reference);
        }

        private static boolean reject(ConstraintValidatorContext context, String field, String reason) {
            context.buildConstraintViolationWithTemplate(reason).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
