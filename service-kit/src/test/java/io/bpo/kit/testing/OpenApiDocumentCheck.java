package io.bpo.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service's OpenAPI document must hold for clients generated from it, checked on the document the service
 * serves: every example (of a schema, a parameter, a request or a response) validates against its schema
 * (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with the document's components to resolve references), no
 * schema is named after a Java type, no numeric schema has a pattern, every error answer is problem+json.
 * {@link #problems} lists what is wrong, each with where; a test asserts the list is empty.
 */
public final class OpenApiDocumentCheck {

    /** JDK and library types a scanner may publish under their Java names. */
    public static final Set<String> JAVA_TYPE_NAMES = Set.of("Instant", "LocalDate", "LocalTime", "LocalDateTime",
            "OffsetDateTime", "ZonedDateTime", "Duration", "YearMonth", "UUID", "URI", "URL", "BigDecimal",
            "JsonNode", "JsonNodeType", "ObjectNode", "ArrayNode", "Object", "Response", "RestResponse");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();
    private int examples;

    private OpenApiDocumentCheck(JsonNode document) {
        this.document = document;
    }

    public static OpenApiDocumentCheck of(String documentJson) {
        try {
            OpenApiDocumentCheck check = new OpenApiDocumentCheck(JSON.readTree(documentJson));
            check.run();
            return check;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
    }

    public List<String> problems() {
        return problems;
    }

    /** How many examples were validated: a check that found none checked nothing. */
    public int examples() {
        return examples;
    }

    private void run() {
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (JAVA_TYPE_NAMES.contains(name)) {
                problems.add("components.schemas." + name + " is a Java type's name");
            }
        });
        walk(document, "#");
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().path("responses");
            responses.fields().forEachRemaining(answer -> {
                JsonNode response = answer.getValue();
                if (answer.getKey().matches("[45]\\d\\d") && !response.has("$ref")
                        && !response.path("content").has("application/problem+json")) {
                    problems.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + answer.getKey()
                            + ": not application/problem+json");
                }
            });
        }));
    }

    private void walk(JsonNode node, String where) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode schema = node.get("schema");
        JsonNode examplesNode = node.get("examples");
        if (examplesNode != null && examplesNode.isArray() && schema == null) {
            // a schema's own examples
            for (int i = 0; i < examplesNode.size(); i++) {
                validate(node, examplesNode.get(i), where + "/examples/" + i);
            }
        } else if (examplesNode != null && examplesNode.isObject() && schema != null) {
            // a media type's or a parameter's named examples
            examplesNode.fields().forEachRemaining(e -> {
                if (e.getValue().has("value")) {
                    validate(schema, e.getValue().get("value"), where + "/examples/" + e.getKey());
                }
            });
        }
        if (node.has("example")) {
            validate(schema != null ? schema : node, node.get("example"), where + "/example");
        }
        JsonNode type = node.get("type");
        if (node.has("pattern") && type != null && (type.toString().contains("number")
                || type.toString().contains("integer"))) {
            problems.add(where + ": pattern on a numeric schema");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!"examples".equals(field.getKey()) && !"example".equals(field.getKey())) {
                walk(field.getValue(), where + "/" + field.getKey().replace("/", "~1"));
            }
        }
    }

    private void validate(JsonNode schema, JsonNode example, String where) {
        examples++;
        // the schema at the root of a document that also carries the components, so that #/components/... resolves
        ObjectNode root = schema.deepCopy();
        root.set("components", document.path("components"));
        Schema compiled = SCHEMAS.getSchema(SchemaLocation.of("https://bpo.example/openapi.json"), root);
        for (Error error : compiled.validate(example)) {
            problems.add(where + ": " + error.getMessage());
        }
    }
}
