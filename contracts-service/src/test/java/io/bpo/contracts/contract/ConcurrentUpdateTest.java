package io.bpo.contracts.contract;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.terms.TermsDocs.contractWithTerms;
import static io.bpo.contracts.terms.TermsDocs.document;
import static io.bpo.contracts.terms.TermsDocs.set;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bpo.contracts.Api;
import io.bpo.contracts.terms.TermsDocs;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** Two editors holding the same ETag write at the same instant: exactly one wins, the other gets 412. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentUpdateTest {
    static final String OWN = "cu-own";
    static final String MANAGER = Tokens.token("carol", "account-manager", OWN);
    static final String CLIENT_MANAGER = Tokens.token("alice", "client-manager", OWN);

    ExecutorService pool;

    @BeforeEach
    void setUp() {
        Api.onboard(OWN);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private static String base() {
        return "/api/v1/clients/" + OWN + "/contracts";
    }

    private static String draft(String reference) {
        return as(MANAGER).body(contractWithTerms(reference, TermsDocs.terms())).post(base())
                .then().statusCode(201).extract().path("id");
    }

    /** Fires both requests once both threads are ready; returns their responses in submission order. */
    private List<Response> atOnce(List<Function<Integer, Response>> requests) throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return requests.get(n).apply(n);
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get(30, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static List<Integer> sortedStatuses(List<Response> responses) {
        return responses.stream().map(Response::statusCode).sorted().toList();
    }

    @RepeatedTest(5)
    void twoContractUpdatesWithTheSameETagGiveOneSuccessAndOnePreconditionFailed() throws Exception {
        String reference = "CU-" + UUID.randomUUID().toString().substring(0, 8);
        String id = draft(reference);
        List<Response> responses = atOnce(List.of(
                n -> rename(MANAGER, id, reference, "Renamed by the provider"),
                n -> rename(CLIENT_MANAGER, id, reference, "Renamed by the client")));
        assertEquals(List.of(200, 412), sortedStatuses(responses));
        Response winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        as(MANAGER).get(base() + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("title", equalTo(winner.path("title")));
    }

    private static Response rename(String token, String id, String reference, String title) {
        Map<String, Object> body = new HashMap<>(Api.contract(reference));
        body.put("title", title);
        return as(token).header("If-Match", "\"0\"").body(body).put(base() + "/" + id);
    }

    @RepeatedTest(5)
    void twoTermsWritesWithTheSameETagOnADraftGiveOneSuccessAndOnePreconditionFailed() throws Exception {
        String id = draft("CU-" + UUID.randomUUID().toString().substring(0, 8));
        String etag = as(MANAGER).get(base() + "/" + id + "/terms").header("ETag");
        List<Response> responses = atOnce(List.of(
                n -> as(MANAGER).header("If-Match", etag)
                        .body(document(set(TermsDocs.terms(), "pricing.monthlyFee", 90000)))
                        .put(base() + "/" + id + "/terms"),
                n -> as(CLIENT_MANAGER).header("If-Match", etag)
                        .body(document(set(TermsDocs.terms(), "pricing.monthlyFee", 80000)))
                        .put(base() + "/" + id + "/terms")));
        assertEquals(List.of(200, 412), sortedStatuses(responses));
        Response winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        as(MANAGER).get(base() + "/" + id + "/terms").then().statusCode(200)
                .header("ETag", equalTo(winner.header("ETag")))
                .body("terms.pricing.monthlyFee", equalTo((Object) winner.path("terms.pricing.monthlyFee")));
    }

    @RepeatedTest(3)
    void twoTransitionsWithTheSameETagGiveOneSuccessAndOnePreconditionFailed() throws Exception {
        String id = draft("CU-" + UUID.randomUUID().toString().substring(0, 8));
        List<Response> responses = atOnce(List.of(
                n -> as(MANAGER).header("If-Match", "\"0\"").post(base() + "/" + id + "/activate"),
                n -> as(MANAGER).header("If-Match", "\"0\"").post(base() + "/" + id + "/activate")));
        assertEquals(List.of(200, 412), sortedStatuses(responses));
        as(MANAGER).get(base() + "/" + id).then().body("status", equalTo("ACTIVE")).header("ETag", equalTo("\"1\""));
    }
}
