package io.bpo.contracts.changerequest;

import static io.bpo.contracts.Api.as;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.restassured.response.Response;
import java.util.UUID;

/** Arranges running contracts and change requests through the API, as the two parties would. */
final class Amendments {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM = "application/problem+json";

    /** Complete original terms: one calendar, one process in scope, one SLA (80 % in 20 s) measuring one objective. */
    private static final String TERMS = """
            {
              "term": {"startDate": "2026-01-01", "endDate": "2027-12-31", "noticePeriodDays": 90,
                       "renewal": "EXPLICIT", "renewalPeriodMonths": null},
              "pricing": {"model": "FIXED_FEE", "monthlyFee": 85000.00, "unitPrice": null, "ftePrice": null,
                          "fteCount": null, "annualBudgetCap": null},
              "governance": [{"level": "STEERING", "cadence": "MONTHLY", "providerMembers": ["carol"],
                              "clientMembers": ["alice"]}],
              "calendars": [{"key": "fr-business", "timeZone": "Europe/Paris",
                             "weeklyHours": [{"day": "MONDAY", "opens": "08:00", "closes": "18:00"},
                                             {"day": "TUESDAY", "opens": "08:00", "closes": "18:00"}],
                             "holidays": ["2026-05-01"]}],
              "scope": [{"key": "billing-calls", "process": "Billing enquiries by phone", "description": null,
                         "channel": "PHONE", "languages": ["fr"], "calendar": "fr-business",
                         "forecastMonthlyVolume": 12000, "inScope": true}],
              "objectives": [{"key": "satisfaction", "category": "SATISFACTION",
                              "statement": "Keep customers satisfied", "slas": ["service-level-20s"]}],
              "slas": [{"key": "service-level-20s", "name": "80% of calls answered in 20 s",
                        "metric": "SERVICE_LEVEL", "comparator": null, "target": 80, "warning": 82,
                        "thresholdSeconds": 20, "period": "MONTH", "calendar": "fr-business", "weight": 0.5,
                        "scope": ["billing-calls"],
                        "serviceCredit": {"percentOfFeePerBreach": 2.5, "capPercentPerPeriod": 10},
                        "bonus": null}]
            }""";

    private Amendments() {
    }

    static String provider(String clientId) {
        return Tokens.token("carol", "account-manager", clientId);
    }

    static String clientSide(String clientId) {
        return Tokens.token("alice", "client-manager", clientId);
    }

    static String viewer(String clientId) {
        return Tokens.token("victor", "client-viewer", clientId);
    }

    static ObjectNode terms() {
        try {
            return (ObjectNode) JSON.readTree(TERMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The original terms with the service-level target (and its warning level) moved. */
    static ObjectNode termsWithTarget(int target) {
        ObjectNode terms = terms();
        ((ObjectNode) terms.at("/slas/0")).put("target", target).put("warning", target + 2);
        return terms;
    }

    static ObjectNode proposal(String effectiveFrom, ObjectNode terms) {
        ObjectNode body = JSON.createObjectNode();
        body.put("reason", "Summer campaign: a faster service level");
        body.put("effectiveFrom", effectiveFrom);
        body.set("terms", terms);
        return body;
    }

    static String contracts(String clientId) {
        return "/api/v1/clients/" + clientId + "/contracts";
    }

    static String changeRequests(String clientId, String contractId) {
        return contracts(clientId) + "/" + contractId + "/change-requests";
    }

    /** A DRAFT contract with the complete original terms. */
    static String draftContract(String clientId) {
        ObjectNode body = JSON.valueToTree(Api.contract("CR-" + UUID.randomUUID().toString().substring(0, 8)));
        body.set("terms", terms());
        return as(provider(clientId)).body(body.toString()).post(contracts(clientId))
                .then().statusCode(201).extract().path("id");
    }

    /** An ACTIVE contract: created with complete terms, then activated by the account manager. */
    static String activeContract(String clientId) {
        String id = draftContract(clientId);
        as(provider(clientId)).header("If-Match", "\"0\"").post(contracts(clientId) + "/" + id + "/activate")
                .then().statusCode(200);
        return id;
    }

    static Response raise(String token, String clientId, String contractId, ObjectNode body) {
        return as(token).body(body.toString()).post(changeRequests(clientId, contractId));
    }

    /** Raises a change request moving the SLA target; returns its URL. */
    static String raised(String token, String clientId, String contractId, String effectiveFrom, int target) {
        String id = raise(token, clientId, contractId, proposal(effectiveFrom, termsWithTarget(target)))
                .then().statusCode(201).extract().path("id");
        return changeRequests(clientId, contractId) + "/" + id;
    }

    static String etag(String token, String url) {
        return as(token).get(url).then().statusCode(200).extract().header("ETag");
    }

    /** Approves with the current ETag, read first, as a careful client does. */
    static Response approve(String token, String url) {
        return as(token).header("If-Match", etag(token, url)).post(url + "/approve");
    }

    static Response reject(String token, String url, String comment) {
        ObjectNode note = JSON.createObjectNode().put("comment", comment);
        return as(token).header("If-Match", etag(token, url)).body(note.toString()).post(url + "/reject");
    }

    static Response withdraw(String token, String url) {
        return as(token).header("If-Match", etag(token, url)).post(url + "/withdraw");
    }
}
