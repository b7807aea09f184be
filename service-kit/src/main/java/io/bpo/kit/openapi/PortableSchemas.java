package io.bpo.kit.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Schemas a client generator can turn into plain types of its language. The scanner publishes the JDK types it
 * meets as components named after the Java class (Instant, LocalDate, UUID...): generators then emit types of
 * those names, and the document leaks its implementation. They are inlined as the JSON Schema strings they are
 * (date-time, date, uuid...). A {@code pattern} on a numeric schema means nothing in JSON Schema and breaks some
 * generators: it is dropped.
 */
final class PortableSchemas {

    /** Component name (the Java simple name) and the JSON Schema type and format it stands for. */
    static final Map<String, String[]> FRAMEWORK_TYPES = Map.of(
            "Instant", new String[] {"string", "date-time"},
            "OffsetDateTime", new String[] {"string", "date-time"},
            "ZonedDateTime", new String[] {"string", "date-time"},
            "LocalDate", new String[] {"string", "date"},
            "LocalTime", new String[] {"string", "time-of-day"},
            "YearMonth", new String[] {"string", "year-month"},
            "Duration", new String[] {"string", "duration"},
            "UUID", new String[] {"string", "uuid"},
            "URI", new String[] {"string", "uri"});

    private static final String PREFIX = "#/components/schemas/";

    private PortableSchemas() {
    }

    static void apply(OpenAPI openAPI) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> fix = schema -> walk(schema, seen);
        Components components = openAPI.getComponents();
        each(components.getSchemas() == null ? null : components.getSchemas().values(), fix);
        each(components.getResponses() == null ? null : components.getResponses().values(),
                r -> content(r.getContent(), fix));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                each(item.getParameters(), p -> parameter(p, fix));
                item.getOperations().values().forEach(operation -> {
                    each(operation.getParameters(), p -> parameter(p, fix));
                    if (operation.getRequestBody() != null) {
                        content(operation.getRequestBody().getContent(), fix);
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> response(r, fix));
                    }
                });
            });
        }
        if (components.getSchemas() != null) {
            FRAMEWORK_TYPES.keySet().forEach(components::removeSchema);
        }
    }

    private static void parameter(Parameter parameter, Consumer<Schema> fix) {
        if (parameter.getSchema() != null) {
            fix.accept(parameter.getSchema());
        }
        content(parameter.getContent(), fix);
    }

    private static void response(APIResponse response, Consumer<Schema> fix) {
        content(response.getContent(), fix);
        if (response.getHeaders() != null) {
            response.getHeaders().values().stream().map(h -> h.getSchema()).filter(Objects::nonNull).forEach(fix);
        }
    }

    private static void content(Content content, Consumer<Schema> fix) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(m -> m.getSchema()).filter(Objects::nonNull).forEach(fix);
        }
    }

    private static void walk(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        inline(schema);
        if (schema.getType() != null && schema.getPattern() != null
                && (schema.getType().contains(SchemaType.NUMBER) || schema.getType().contains(SchemaType.INTEGER))) {
            schema.setPattern(null);
        }
        Consumer<Schema> next = child -> walk(child, seen);
        each(schema.getProperties() == null ? null : schema.getProperties().values(), next);
        each(schema.getPatternProperties() == null ? null : schema.getPatternProperties().values(), next);
        each(schema.getDependentSchemas() == null ? null : schema.getDependentSchemas().values(), next);
        each(schema.getAllOf(), next);
        each(schema.getAnyOf(), next);
        each(schema.getOneOf(), next);
        each(schema.getPrefixItems(), next);
        for (Schema child : new Schema[] {schema.getItems(), schema.getAdditionalPropertiesSchema(), schema.getNot(),
                schema.getContains(), schema.getIfSchema(), schema.getThenSchema(), schema.getElseSchema()}) {
            next.accept(child);
        }
    }

    /** A $ref to a framework type becomes the type itself; the reference's own description and examples stay. */
    private static void inline(Schema schema) {
        String ref = schema.getRef();
        if (ref == null || !ref.startsWith(PREFIX)) {
            return;
        }
        String[] typeAndFormat = FRAMEWORK_TYPES.get(ref.substring(PREFIX.length()));
        if (typeAndFormat == null) {
            return;
        }
        schema.setRef(null);
        List<SchemaType> type = new ArrayList<>();
        type.add(SchemaType.valueOf(typeAndFormat[0].toUpperCase(java.util.Locale.ROOT)));
        if (schema.getType() != null && schema.getType().contains(SchemaType.NULL)) {
            type.add(SchemaType.NULL);
        }
        schema.setType(type);
        schema.setFormat(typeAndFormat[1]);
    }

    private static <T> void each(Collection<T> items, Consumer<T> action) {
        if (items != null) {
            new ArrayList<>(items).forEach(action);
        }
    }
}
