package io.bpo.kit.openapi;

import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, declared once here rather than on every resource method
 * (mp.openapi.filter in the kit's config): the gateway as the server, the licence, one RFC 9457 problem schema that
 * every error answer references, the answers any call through the gateway can get (401, 403, 429, 503), the ones
 * the operation's shape implies (404 for a resource id, 412/428 for If-Match, 422 for Idempotency-Key, 400 for
 * input), and no Java type in a schema (see {@link PortableSchemas}). An operation's own annotation for a status
 * wins over the generic one: it says more.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** Answers any operation can get through the gateway, by component name. */
    private static final Map<String, String[]> COMMON = new LinkedHashMap<>();

    static {
        COMMON.put("401", new String[] {"Unauthenticated", "No valid access token (missing, expired, wrong "
                + "issuer or audience)", "unauthenticated", "Authentication required",
                "A valid bearer token is required"});
        COMMON.put("403", new String[] {"Forbidden", "The client id in the path is not one of the token's tenants, "
                + "or the caller's roles do not allow the operation", "tenant-forbidden", "Client not accessible",
                "Client globex is not one of your clients"});
        COMMON.put("429", new String[] {"TooManyRequests", "Rate limit of the caller exceeded at the gateway; "
                + "retry after the Retry-After seconds", "rate-limited", "Too many requests",
                "Rate limit exceeded; retry in 2 s"});
        COMMON.put("503", new String[] {"ServiceUnavailable", "The service (or a service or database it depends "
                + "on) cannot answer now; safe to retry later", "upstream-unavailable", "Service unavailable",
                "contracts is not reachable"});
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        DocumentHeader.apply(openAPI, config("bpo.openapi.gateway-url", "http://localhost:8080"));
        ProblemSchemas.register(components);
        COMMON.forEach((status, text) -> components.addResponse(text[0], problemResponse(text[1],
                ProblemSchemas.example(status, text[2], text[3], text[4]))));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> complete(path, method, operation)));
        }
        PortableSchemas.apply(openAPI);
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasResourceId = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH
                && !"clientId".equals(p.getName()));
        boolean hasInput = operation.getRequestBody() != null
                || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY
                        || p.getIn() == Parameter.In.PATH && !"clientId".equals(p.getName()));
        boolean ifMatch = parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        boolean idempotent = parameters.stream().anyMatch(p -> Idempotency.HEADER.equalsIgnoreCase(p.getName()));

        if (operation.getRequestBody() != null) {
            jsonFirst(operation.getRequestBody().getContent());
        }
        if (hasInput) {
            addIfAbsent(responses, "400", "Invalid input: a validation problem lists each invalid field in errors");
        }
        if (hasResourceId) {
            addIfAbsent(responses, "404", "No such resource for this client (another client's resource included)");
        }
        if (ifMatch) {
            addIfAbsent(responses, "412", "If-Match does not match the current ETag: read it again and retry");
            addIfAbsent(responses, "428", "If-Match is missing: send the ETag read last");
        }
        if (idempotent) {
            addIfAbsent(responses, "422", "Idempotency-Key reused with a different body");
        }
        COMMON.forEach((status, text) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + text[0]));
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(response);
            }
        });
    }

    /**
     * JSON first among the representations an operation takes: generators build their method from the first one,
     * and an operation taking JSON, NDJSON or CSV (three Java methods on one path) lists them in scanning order.
     */
    private static void jsonFirst(Content content) {
        String json = jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
        if (content == null || content.getMediaTypes() == null || content.getMediaType(json) == null) {
            return;
        }
        Map<String, MediaType> ordered = new LinkedHashMap<>();
        ordered.put(json, content.getMediaType(json));
        ordered.putAll(content.getMediaTypes());
        content.setMediaTypes(ordered);
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** Errors are problem+json: content without one gets the problem schema, JSON-typed problems are relabelled. */
    private static void problemContent(APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            return;
        }
        MediaType json = content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json != null && content.getMediaType(Problem.MEDIA_TYPE) == null && refersToProblem(json.getSchema())) {
            content.removeMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            content.addMediaType(Problem.MEDIA_TYPE, json);
        }
    }

    private static boolean refersToProblem(Schema schema) {
        return schema != null && PROBLEM_REF.equals(schema.getRef());
    }

    private static APIResponse problemResponse(String description, Object example) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(example);
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
    }

    static String config(String key, String fallback) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(fallback);
    }
}
