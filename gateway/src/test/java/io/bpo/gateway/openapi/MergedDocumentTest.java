package io.bpo.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class MergedDocumentTest {

    private static JsonObject document(String title, String path, String tag, JsonObject schemas) {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", title).put("version", "1.0")
                        .put("license", new JsonObject().put("name", "Proprietary")))
                .put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("url", "{gateway}")))
                .put("tags", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", tag)))
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()
                        .put("responses", new JsonObject().put("200", new JsonObject().put("content",
                                new JsonObject().put("application/json", new JsonObject().put("schema",
                                        new JsonObject().put("$ref", "#/components/schemas/Status")))))))))
                .put("components", new JsonObject().put("schemas", schemas));
    }

    private static JsonObject problem() {
        return new JsonObject().put("type", "object").put("description", "RFC 9457");
    }

    @Test
    void equalComponentsAreSharedAndClashingOnesArePrefixedWithTheirReferences() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("contracts", document("Contracts API", "/api/v1/clients", "Clients", new JsonObject()
                .put("Problem", problem())
                .put("Status", new JsonObject().put("type", "string").put("enum", java.util.List.of("ACTIVE")))));
        documents.put("knowledge", document("Knowledge API", "/api/v1/clients/{clientId}/knowledge/articles",
                "Articles", new JsonObject()
                        .put("Problem", problem())
                        .put("Status", new JsonObject().put("type", "string").put("enum", java.util.List.of("DRAFT")))));

        JsonObject merged = MergedDocument.merge(documents, "0.1.0-SNAPSHOT");

        assertEquals("0.1.0-SNAPSHOT", merged.getJsonObject("info").getString("version"));
        assertEquals("Proprietary", merged.getJsonObject("info").getJsonObject("license").getString("name"));
        assertEquals(2, merged.getJsonObject("paths").size());
        assertEquals(2, merged.getJsonArray("tags").size());
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(java.util.Set.of("Problem", "Status", "KnowledgeStatus"), schemas.fieldNames());
        assertEquals("ACTIVE", schemas.getJsonObject("Status").getJsonArray("enum").getString(0));
        assertEquals("DRAFT", schemas.getJsonObject("KnowledgeStatus").getJsonArray("enum").getString(0));
        String knowledgeRef = merged.getJsonObject("paths").getJsonObject("/api/v1/clients/{clientId}/knowledge/articles")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref");
        assertEquals("#/components/schemas/KnowledgeStatus", knowledgeRef);
        String contractsRef = merged.getJsonObject("paths").getJsonObject("/api/v1/clients").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref");
        assertEquals("#/components/schemas/Status", contractsRef);
        assertTrue(merged.getJsonObject("info").getString("description").contains("Knowledge API"));
    }
}
