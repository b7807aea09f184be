package io.bpo.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change request's RFC 6902 patch shown side by side: for each operation, the path, the value in the version the
 * request was made against, and the proposed value.
 */
final class TermsDiff {
    private TermsDiff() {
    }

    static List<Map<String, Object>> sideBySide(JsonNode baseTerms, JsonNode patch) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode op : patch) {
            String path = op.path("path").asText();
            JsonNode before = "add".equals(op.path("op").asText()) ? null : baseTerms.at(path);
            JsonNode after = "remove".equals(op.path("op").asText()) ? null : op.path("value");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("op", op.path("op").asText());
            row.put("path", readable(path));
            row.put("before", text(before));
            row.put("after", text(after));
            rows.add(row);
        }
        return rows;
    }

    /** "/slas/0/target" as "slas › 1 › target" (positions counted from 1 for people). */
    static String readable(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(" › ");
            }
            String unescaped = part.replace("~1", "/").replace("~0", "~");
            out.append(unescaped.chars().allMatch(Character::isDigit) && unescaped.length() < 6
                    ? String.valueOf(Integer.parseInt(unescaped) + 1) : unescaped);
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toPrettyString();
    }
}
