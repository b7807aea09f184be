package io.bpo.contracts.contract;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A contract's term cannot end before it starts; reported on endDate, the field to fix. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContractPeriod.Validator.class)
public @interface ContractPeriod {
    String message() default "must not be before startDate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ContractPeriod, ContractDetails> {
        @Override
        public boolean isValid(ContractDetails terms, ConstraintValidatorContext context) {
            if (terms == null || terms.startDate() == null || terms.endDate() == null
                    || !terms.endDate().isBefore(terms.startDate())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("endDate").addConstraintViolation();
            return false;
        }
    }
}
