package io.bpo.contracts.terms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Terms as code in YAML: the application's JSON mapper (strict input, ISO dates) with a YAML factory, so a YAML
 * document and a JSON one mean exactly the same, and a YAML document is validated exactly like a JSON body.
 */
@ApplicationScoped
public class YamlDocuments {
    public static final String MEDIA_TYPE = "application/yaml";

    private final ObjectMapper yaml;
    private final Validator validator;

    @Inject
    public YamlDocuments(ObjectMapper json, Validator validator) {
        this.yaml = json.copyWith(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
        this.validator = validator;
    }

    public String write(Object document) {
        try {
            return yaml.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Document not serialisable as YAML", e);
        }
    }

    /** Parses and validates a terms document; parse errors and violations become the usual 400 problems. */
    public TermsView read(String body) throws JsonProcessingException {
        TermsView document = yaml.readValue(body == null ? "" : body, TermsView.class);
        if (document == null) {
            throw io.bpo.kit.problem.ApiException.badRequest("body", "is empty");
        }
        Set<ConstraintViolation<TermsView>> violations = validator.validate(document);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return document;
    }
}
