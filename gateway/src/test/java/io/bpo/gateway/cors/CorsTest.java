package io.bpo.gateway.cors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Browser pages of the configured origins may call the API; any other origin gets no CORS answer. */
@QuarkusTest
class CorsTest {
    static final String ALLOWED = "https://portal.client.test";
    static final String PATH = "/api/v1/clients/acme-cors/contracts";

    @Test
    void preflightFromAnAllowedOriginNamesThatOriginAndTheApisHeaders() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .when().options(PATH).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options(PATH).then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aCallFromAnAllowedOriginExposesTheRequestIdAndIsStillAuthorizedByItsToken() {
        String token = Tokens.of("cors-alice", List.of("client-manager"), List.of("acme-cors"));
        given().header("Origin", ALLOWED).auth().oauth2(Tokens.of("cors-bob", List.of("client-manager"),
                        List.of("globex-cors")))
                .when().get(PATH).then().statusCode(403)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        given().header("Origin", "https://evil.example").auth().oauth2(token)
                .when().get(PATH).then().header("Access-Control-Allow-Origin", nullValue());
    }
}
