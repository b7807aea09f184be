package io.bpo.kit.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Null is valid (combine with {@code @NotNull}); otherwise the value must be a BCP-47 language tag (e.g. fr, en-GB). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
public @interface LanguageTag {
    String message() default "must be a BCP-47 language tag (e.g. fr, en-GB)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Codes.isLanguage(value);
        }
    }
}
