package io.bpo.kit.openapi;

import io.bpo.kit.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** The one RFC 9457 problem schema (and its field error) every error answer of a document references. */
final class ProblemSchemas {

    private ProblemSchemas() {
    }

    static void register(Components components) {
        Schema fieldError = object("One invalid input: where it is and why it was refused")
                .addProperty("field", string("A JSON path into the body (terms.slas[0].target), a query "
                        + "parameter or a header name").examples(new ArrayList<>(List.of("terms.slas[0].target"))))
                .addProperty("reason", string("Why the value was refused")
                        .examples(new ArrayList<>(List.of("must be between 0 and 100 for PERCENT"))))
                .required(new ArrayList<>(List.of("field", "reason")));
        Schema problem = object("RFC 9457 problem details (application/problem+json): type is a stable URI per "
                + "kind of problem that clients may switch on")
                .addProperty("type", string("Stable URI of the kind of problem").format("uri")
                        .examples(new ArrayList<>(List.of(Problem.TYPE_BASE + "validation"))))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string("What went wrong in this occurrence, for a human"))
                .addProperty("instance", string("The request path"))
                .addProperty("requestId", string("The X-Request-Id of the request, to quote to support"))
                .addProperty("service", string("The service the gateway could not reach (gateway problems only)"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("Each invalid field of a validation problem")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + ApiDocumentFilter.FIELD_ERROR)))
                .required(new ArrayList<>(List.of("type", "title", "status")));
        components.addSchema(ApiDocumentFilter.FIELD_ERROR, fieldError);
        components.addSchema(ApiDocumentFilter.PROBLEM, problem);
    }

    static Map<String, Object> example(String status, String slug, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.TYPE_BASE + slug);
        example.put("title", title);
        example.put("status", Integer.valueOf(status));
        example.put("detail", detail);
        example.put("requestId", "5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f");
        return example;
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
