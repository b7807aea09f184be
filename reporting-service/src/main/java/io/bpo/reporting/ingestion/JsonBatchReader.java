package io.bpo.reporting.ingestion;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import io.bpo.reporting.interaction.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a batch sent as a JSON array of interaction records. Element by element: the record limit is enforced while
 * the array is read, and one bad record does not hide the next, so a refusal lists every bad record (the batch is
 * all or nothing). Types are strict: measurements are not guessed from "5", 4.5 or an epoch number.
 */
@ApplicationScoped
public class JsonBatchReader {
    @Inject
    ObjectMapper mapper;

    @Inject
    IngestionConfig config;

    @Inject
    RecordChecks checks;

    private ObjectMapper strict;
    private ObjectReader records;

    @PostConstruct
    @SuppressWarnings("deprecation") // configure(MapperFeature) is the only way to change a copy of a built mapper
    void configure() {
        strict = mapper.copy();
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // decimals stay exact in the per-record tree (87.555 is refused as 87.555, not as a double near it)
        strict.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("strict-instants").addDeserializer(Instant.class,
                new StrictInstantDeserializer()));
        records = strict.readerFor(InteractionRecord.class);
    }

    /** The valid batch, or a 400 listing every bad record, or a 413 past the record limit. */
    public InteractionBatch read(InputStream body) throws IOException {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int max = config.maxBatchRecords();
        List<InteractionRecord> valid = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        int count = 0;
        int invalid = 0;
        try (JsonParser parser = strict.createParser(body == null ? InputStream.nullInputStream() : body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw malformed("is empty: send a JSON array of 1 to " + max + " interaction records");
            }
            if (token != JsonToken.START_ARRAY) {
                throw malformed("must be a JSON array of interaction records");
            }
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw malformed("ends before its array is closed");
                }
                if (count == max) {
                    throw new ApiException(413, "payload-too-large", "Payload too large",
                            "A batch holds at most " + max + " interaction records; split larger ones",
                            List.of(new Problem.FieldError("body", "must hold at most " + max + " records")));
                }
                JsonNode element = strict.readTree(parser);
                List<Problem.FieldError> found = new ArrayList<>();
                InteractionRecord record = bind(count, element, found);
                if (record != null) {
                    found.addAll(checks.check(count, record));
                }
                if (found.isEmpty()) {
                    valid.add(record);
                } else {
                    errors.addAll(found);
                    invalid++;
                }
                count++;
            }
            if (parser.nextToken() != null) {
                throw malformed("must end with its array");
            }
        } catch (JsonParseException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw malformed("is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (count == 0) {
            throw malformed("must hold at least one interaction record");
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid request", invalid + " of " + count
                    + " interaction records are invalid; none was stored", errors);
        }
        return new InteractionBatch(List.copyOf(valid), receivedAt);
    }

    private InteractionRecord bind(int index, JsonNode element, List<Problem.FieldError> errors) {
        if (element == null || !element.isObject()) {
            errors.add(new Problem.FieldError(RecordChecks.field(index, ""), "must be a JSON object"));
            return null;
        }
        try {
            return records.readValue(element);
        } catch (JsonProcessingException e) {
            errors.add(describe(index, e));
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Reading a parsed JSON tree failed", e);
        }
    }

    private static Problem.FieldError describe(int index, JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            path = path.isEmpty() ? unknown.getPropertyName() : path;
            reason = "is not a known property";
        } else if (e.getCause() instanceof InputCoercionException) {
            reason = "is out of range";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            reason = expected(mismatch.getTargetType());
        } else {
            reason = "is invalid";
        }
        return new Problem.FieldError(RecordChecks.field(index, path), reason);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type == Channel.class) {
            return "must be one of " + Arrays.stream(Channel.values()).map(Enum::name)
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant with its offset (e.g. 2026-03-02T08:15:00Z)";
        }
        if (type == Integer.class || type == int.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "has the wrong type";
    }

    private static ApiException malformed(String reason) {
        return new ApiException(400, "malformed-body", "Invalid request", "body " + reason,
                List.of(new Problem.FieldError("body", reason)));
    }
}
