package io.bpo.knowledge.article;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Null is valid (the article starts as a draft); otherwise only the statuses an article may be created in. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InitialStatus.Validator.class)
public @interface InitialStatus {
    String message() default "must be DRAFT when creating an article: publication goes through review";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<InitialStatus, ArticleStatus> {
        @Override
        public boolean isValid(ArticleStatus value, ConstraintValidatorContext context) {
            return value == null || value.allowedAtCreation();
        }
    }
}
