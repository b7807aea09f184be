package io.bpo.contracts;

import static io.restassured.RestAssured.given;

import io.bpo.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Arranges test data through the API itself, as a client would. */
public final class Api {
    public static final String ADMIN = Tokens.token("frank", "provider-admin");

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Onboards the client if it does not exist yet (test classes own their client ids). */
    public static void onboard(String clientId) {
        int status = as(ADMIN)
                .body(Map.of("id", clientId, "legalName", clientId + " SA", "country", "FR", "sector", "Tests"))
                .post("/api/v1/clients").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not onboard " + clientId + ": " + status);
        }
    }

    public static Map<String, Object> contract(String reference) {
        return Map.of("reference", reference, "title", "Customer service " + reference,
                "engagementType", "BPO", "deliveryModel", "OUTSOURCED", "deliveryCountry", "TN",
                "deliveryLocation", "NEARSHORE", "startDate", "2026-01-01", "endDate", "2027-12-31",
                "currency", "EUR");
    }
}
