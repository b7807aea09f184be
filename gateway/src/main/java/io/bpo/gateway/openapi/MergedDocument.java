package io.bpo.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The services' OpenAPI documents as one, for tools that want a single file: paths and tags side by side (each
 * service owns its own path prefix), components shared when equal (the problem schema, the common answers) and
 * prefixed with the service's name when two services give one name different meanings (both references and
 * definitions renamed). Pure: the gateway fetches the documents, this merges them.
 */
final class MergedDocument {

    private static final String[] COMPONENT_SECTIONS = {"schemas", "responses", "parameters", "examples",
        "requestBodies", "headers", "securitySchemes", "links", "callbacks"};

    private MergedDocument() {
    }

    /** Merges the documents (service name to document, in the order given) under the platform's info. */
    static JsonObject merge(Map<String, JsonObject> documents, String version) {
        JsonObject merged = new JsonObject().put("openapi", "3.1.0");
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        Set<String> titles = new LinkedHashSet<>();
        JsonObject first = null;
        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            JsonObject document = entry.getValue().copy();
            if (first == null) {
                first = document;
            }
            titles.add(document.getJsonObject("info", new JsonObject()).getString("title", entry.getKey()));
            Map<String, String> renames = renames(entry.getKey(), document, components);
            rewriteRefs(document, renames);
            JsonObject own = document.getJsonObject("components", new JsonObject());
            for (String section : COMPONENT_SECTIONS) {
                JsonObject from = own.getJsonObject(section);
                if (from == null) {
                    continue;
                }
                JsonObject to = components.getJsonObject(section);
                if (to == null) {
                    to = new JsonObject();
                    components.put(section, to);
                }
                for (String name : from.fieldNames()) {
                    String target = renames.getOrDefault(ref(section, name), ref(section, name));
                    to.put(target.substring(target.lastIndexOf('/') + 1), from.getValue(name));
                }
            }
            document.getJsonObject("paths", new JsonObject()).forEach(path -> paths.put(path.getKey(),
                    path.getValue()));
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                JsonObject t = (JsonObject) tag;
                tags.putIfAbsent(t.getString("name"), t);
            });
        }
        JsonObject info = new JsonObject()
                .put("title", "BPO platform API")
                .put("version", version)
                .put("description", "Every service's API in one document (" + String.join(", ", titles) + "), as "
                        + "the gateway serves them; each service's own document is at /openapi/{service}.");
        if (first != null) {
            JsonObject firstInfo = first.getJsonObject("info", new JsonObject());
            if (firstInfo.containsKey("license")) {
                info.put("license", firstInfo.getValue("license"));
            }
            if (first.containsKey("servers")) {
                merged.put("servers", first.getValue("servers"));
            }
            if (first.containsKey("security")) {
                merged.put("security", first.getValue("security"));
            }
        }
        merged.put("info", info);
        merged.put("tags", new JsonArray(new java.util.ArrayList<>(tags.values())));
        merged.put("paths", paths);
        merged.put("components", components);
        return merged;
    }

    /** Components of this document whose name another service already gave a different definition. */
    private static Map<String, String> renames(String service, JsonObject document, JsonObject merged) {
        Map<String, String> renames = new LinkedHashMap<>();
        JsonObject own = document.getJsonObject("components", new JsonObject());
        String prefix = service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
        for (String section : COMPONENT_SECTIONS) {
            JsonObject from = own.getJsonObject(section);
            JsonObject taken = merged.getJsonObject(section, new JsonObject());
            if (from == null) {
                continue;
            }
            for (String name : from.fieldNames()) {
                if (taken.containsKey(name) && !taken.getValue(name).equals(from.getValue(name))) {
                    renames.put(ref(section, name), ref(section, prefix + name));
                }
            }
        }
        return renames;
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }

    private static void rewriteRefs(Object node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof JsonObject object) {
            for (String key : object.fieldNames()) {
                Object value = object.getValue(key);
                if ("$ref".equals(key) && value instanceof String target && renames.containsKey(target)) {
                    object.put(key, renames.get(target));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> rewriteRefs(item, renames));
        }
    }
}
