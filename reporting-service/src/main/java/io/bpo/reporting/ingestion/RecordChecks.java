package io.bpo.reporting.ingestion;

import io.bpo.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidatorFactory;

/**
 * The rules of one record (its annotations), reported against its place in the batch: {@code [17].csat} in a JSON
 * array, {@code line 18.csat} in NDJSON or CSV. Whatever the format a batch arrives in, its records are checked here.
 * <p>
 * With a validator of its own that reaches every property: the application's default one asks Hibernate ORM, for
 * every constraint of every record, whether the property is a loaded entity attribute, and caches the answer per
 * validation; a record is not an entity, and that question was a third of the service's CPU while ingesting.
 */
@ApplicationScoped
public class RecordChecks {
    @Inject
    ValidatorFactory factory;

    private Validator validator;

    @PostConstruct
    void configure() {
        validator = factory.unwrap(HibernateValidatorFactory.class).usingContext()
                .traversableResolver(new EveryPropertyReachable())
                .enableTraversableResolverResultCache(false)
                .getValidator();
    }

    public List<Problem.FieldError> check(String position, InteractionRecord record) {
        var violations = validator.validate(record);
        if (violations.isEmpty()) {
            return List.of();
        }
        return violations.stream()
                .map(v -> new Problem.FieldError(field(position, v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::reason))
                .toList();
    }

    static String field(String position, String path) {
        return path == null || path.isEmpty() ? position : position + "." + path;
    }

    /** Records are plain values: every property is there to validate. */
    static final class EveryPropertyReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }
}
