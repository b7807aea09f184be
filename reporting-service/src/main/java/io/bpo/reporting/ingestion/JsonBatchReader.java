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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads a batch sent as a JSON array of interaction records ({@code application/json}). Element by element: only one
 * record is in memory at a time, and one bad record does not hide the next, so a refusal lists every bad record (the
 * batch is all or nothing). Types are strict: measurements are not guessed from "5", 4.5 or an epoch number. The
 * NDJSON reader binds its lines with the same strict mapper.
 */
@ApplicationScoped
public class JsonBatchReader implements BatchReader {
    @Inject
    ObjectMapper mapper;

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

    @Override
    public String expected() {
        return "a JSON array of interaction records";
    }

    /** Every element of the array, in order, to {@code sink}; a 400 when the body is not a JSON array. */
    @Override
    public void read(InputStream body, Consumer<ParsedRecord> sink) throws IOException {
        int index = 0;
        try (JsonParser parser = strict.createParser(body == null ? InputStream.nullInputStream() : body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw malformed("is empty: send " + expected());
            }
            if (token != JsonToken.START_ARRAY) {
                throw malformed("must be " + expected());
            }
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw malformed("ends before its array is closed");
                }
                JsonNode element = strict.readTree(parser);
                sink.accept(parse("[" + index + "]", element));
                index++;
            }
            if (parser.nextToken() != null) {
                throw malformed("must end with its array");
            }
        } catch (JsonParseException e) {
            throw unreadable(e);
        }
    }

    /** One JSON value as a record: bound with strict types, then checked. */
    ParsedRecord parse(String position, JsonNode element) {
        List<Problem.FieldError> found = new ArrayList<>();
        InteractionRecord record = bind(position, element, found);
        if (record != null) {
            found.addAll(checks.check(position, record));
        }
        return new ParsedRecord(position, record, found);
    }

    JsonParser parser(InputStream body) throws IOException {
        return strict.createParser(body == null ? InputStream.nullInputStream() : body);
    }

    ObjectMapper strictMapper() {
        return strict;
    }

    static ApiException unreadable(JsonParseException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return malformed("is not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    private InteractionRecord bind(String position, JsonNode element, List<Problem.FieldError> errors) {
        if (element == null || !element.isObject()) {
            errors.add(new Problem.FieldError(position, "must be a JSON object"));
            return null;
        }
        try {
            return records.readValue(element);
        } catch (JsonProcessingException e) {
            errors.add(describe(position, e));
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Reading a parsed JSON tree failed", e);
        }
    }

    private static Problem.FieldError describe(String position, JsonProcessingException e) {
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
        return new Problem.FieldError(RecordChecks.field(position, path), reason);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).collect(Collectors.joining("."));
    }

    static String expected(Class<?> type) {
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

    static ApiException malformed(String reason) {
        return new ApiException(400, "malformed-body", "Invalid request", "body " + reason,
                List.of(new Problem.FieldError("body", reason)));
    }
}
