package io.bpo.reporting;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Arranges test data through the API itself, as a tool pushing records would. */
public final class Api {
    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String interactions(String clientId) {
        return "/api/v1/clients/" + clientId + "/reporting/interactions";
    }

    /** An answered phone call with every optional field set; tests change what they need. */
    public static Map<String, Object> answered(String externalId, Instant offeredAt) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("externalId", externalId);
        record.put("channel", "PHONE");
        record.put("queue", "billing");
        record.put("offeredAt", offeredAt.toString());
        record.put("answeredAt", offeredAt.plusSeconds(42).toString());
        record.put("endedAt", offeredAt.plusSeconds(42 + 261).toString());
        record.put("waitSeconds", 42);
        record.put("handleSeconds", 261);
        record.put("abandoned", false);
        record.put("transferred", true);
        record.put("firstContactResolution", true);
        record.put("csat", 4);
        record.put("qualityScore", 87.5);
        record.put("agentId", "agt-7f3a");
        return record;
    }

    /** The least a record needs: an abandoned chat. */
    public static Map<String, Object> abandoned(String externalId, Instant offeredAt) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("externalId", externalId);
        record.put("channel", "CHAT");
        record.put("offeredAt", offeredAt.toString());
        record.put("abandoned", true);
        return record;
    }

    public static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(record);
        changed.put(field, value);
        return changed;
    }

    public static Map<String, Object> without(Map<String, Object> record, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(record);
        changed.remove(field);
        return changed;
    }

    /** {@code count} minimal records "prefix-0".."prefix-(count-1)" one second apart, as raw JSON (fast to build). */
    public static String batchJson(String prefix, int count, Instant firstOfferedAt) {
        StringBuilder json = new StringBuilder(count * 110).append('[');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"externalId\":\"").append(prefix).append('-').append(i)
                    .append("\",\"channel\":\"EMAIL\",\"offeredAt\":\"").append(firstOfferedAt.plusSeconds(i))
                    .append("\",\"abandoned\":false}");
        }
        return json.append(']').toString();
    }

    @SafeVarargs
    public static List<Map<String, Object>> batch(Map<String, Object>... records) {
        return new ArrayList<>(List.of(records));
    }
}
