package io.bpo.people.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

public final class Api {
    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String people(String clientId) {
        return "/api/v1/clients/" + clientId + "/people";
    }

    public static String admin(String clientId) {
        return "/api/v1/admin/clients/" + clientId;
    }
}
