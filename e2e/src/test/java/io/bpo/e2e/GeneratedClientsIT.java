package io.bpo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.client.contracts.api.ChangeRequestsApi;
import io.bpo.client.contracts.api.ContractTermsApi;
import io.bpo.client.contracts.api.ContractsApi;
import io.bpo.client.contracts.model.ChangeCategory;
import io.bpo.client.contracts.model.ChangeRequest;
import io.bpo.client.contracts.model.ChangeRequestStatus;
import io.bpo.client.contracts.model.ContractDetails;
import io.bpo.client.contracts.model.ContractStatus;
import io.bpo.client.contracts.model.ContractTerms;
import io.bpo.client.contracts.model.ContractView;
import io.bpo.client.contracts.model.DecisionNote;
import io.bpo.client.contracts.model.DeliveryLocation;
import io.bpo.client.contracts.model.DeliveryModel;
import io.bpo.client.contracts.model.EngagementType;
import io.bpo.client.contracts.model.JsonPatchOp;
import io.bpo.client.contracts.model.JsonPatchOperation;
import io.bpo.client.contracts.model.NewChangeRequest;
import io.bpo.client.contracts.model.TermsDocument;
import io.bpo.client.contracts.model.VersionSummary;
import io.bpo.client.knowledge.api.KnowledgeArticlesApi;
import io.bpo.client.knowledge.api.KnowledgeSearchApi;
import io.bpo.client.knowledge.model.Article;
import io.bpo.client.knowledge.model.ArticleStatus;
import io.bpo.client.knowledge.model.ArticleType;
import io.bpo.client.knowledge.model.Classification;
import io.bpo.client.knowledge.model.NewArticle;
import io.bpo.client.knowledge.model.SearchResults;
import io.bpo.client.reporting.api.InteractionsApi;
import io.bpo.client.reporting.api.ReportsApi;
import io.bpo.client.reporting.model.Channel;
import io.bpo.client.reporting.model.IngestionResult;
import io.bpo.client.reporting.model.InteractionRecord;
import io.bpo.client.reporting.model.MonthReport;
import io.bpo.client.reporting.model.MonthlySla;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One complete flow per service driven only through the Java clients generated from the services' OpenAPI documents
 * (e2e/pom.xml, docs/api.md): the documents cannot drift from the behaviour without this suite failing. Real tokens,
 * through the gateway, whose URL is the documents' server.
 */
class GeneratedClientsIT extends PlatformClient {

    static io.bpo.client.contracts.ApiClient contracts(String principal) {
        io.bpo.client.contracts.ApiClient client = new io.bpo.client.contracts.ApiClient();
        client.updateBaseUri(GATEWAY_URL);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token(principal)));
        return client;
    }

    static io.bpo.client.knowledge.ApiClient knowledge(String principal) {
        io.bpo.client.knowledge.ApiClient client = new io.bpo.client.knowledge.ApiClient();
        client.updateBaseUri(GATEWAY_URL);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token(principal)));
        return client;
    }

    static io.bpo.client.reporting.ApiClient reporting(String principal) {
        io.bpo.client.reporting.ApiClient client = new io.bpo.client.reporting.ApiClient();
        client.updateBaseUri(GATEWAY_URL);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token(principal)));
        return client;
    }

    /** A running contract on the demo terms, its scope (and every SLA) on {@code queue} when given. */
    static ContractView runningContract(String prefix, String queue) throws Exception {
        ObjectNode json = (ObjectNode) ContractTermsIT.JSON.readTree(
                Files.readString(ContractTermsIT.DEMO_TERMS.resolve("acme-1.json")));
        if (queue != null) {
            ((ObjectNode) json.withArray("scope").get(0)).put("key", queue);
            json.withArray("slas").forEach(sla -> ((ObjectNode) sla).set("scope",
                    ContractTermsIT.JSON.createArrayNode().add(queue)));
        }
        io.bpo.client.contracts.ApiClient carol = contracts(CAROL);
        ContractTerms terms = carol.getObjectMapper().treeToValue(json, ContractTerms.class);
        String reference = prefix + UUID.randomUUID().toString().substring(0, 8);
        ContractDetails details = new ContractDetails().reference(reference).title("Generated client " + reference)
                .engagementType(EngagementType.BPO).deliveryModel(DeliveryModel.OUTSOURCED).deliveryCountry("TN")
                .deliveryLocation(DeliveryLocation.NEARSHORE).startDate(LocalDate.of(2026, 1, 1))
                .endDate(LocalDate.of(2028, 12, 31)).currency("EUR").terms(terms);
        ContractsApi api = new ContractsApi(carol);
        ContractView created = api.contractResourceCreate(ACME, details, null);
        assertEquals(ContractStatus.DRAFT, created.getStatus());
        ContractView active = api.contractResourceTransition(ACME, created.getId(), "activate",
                "\"" + created.getVersion() + "\"");
        assertEquals(ContractStatus.ACTIVE, active.getStatus());
        return active;
    }

    @Test
    void contractsChangeRequestRaisedApprovedByBothSidesAndTheNewVersionRead() throws Exception {
        ContractView contract = runningContract("E2E-GEN-CR-", null);
        UUID id = contract.getId();
        ContractTermsApi aliceTerms = new ContractTermsApi(contracts(ALICE));
        TermsDocument current = aliceTerms.termsResourceGet(ACME, id, null);
        ContractTerms proposed = current.getTerms();
        assertNotNull(proposed);
        proposed.getSlas().get(1).target(new BigDecimal("4"));
        proposed.getSlas().get(1).warning(new BigDecimal("3.5"));

        ChangeRequestsApi alice = new ChangeRequestsApi(contracts(ALICE));
        ChangeRequest raised = alice.changeRequestResourceRaise(ACME, id, new NewChangeRequest()
                .reason("Lower abandonment target").effectiveFrom(LocalDate.of(2026, 10, 1))
                // a generated client sends its empty default list, and declared categories must name the change's
                .categories(List.of(ChangeCategory.SLA)).terms(proposed), null);
        assertEquals(ChangeRequestStatus.PENDING, raised.getStatus());

        ChangeRequest read = alice.changeRequestResourceGet(raised.getId(), ACME, id);
        List<JsonPatchOperation> diff = read.getDiff();
        assertTrue(diff.stream().anyMatch(op -> op.getOp() == JsonPatchOp.REPLACE
                && op.getPath().startsWith("/slas/1/")), "diff: " + diff);

        ChangeRequest clientSide = alice.changeRequestResourceApprove(raised.getId(), ACME, id,
                "\"" + read.getVersion() + "\"", new DecisionNote().comment("ok for the client"));
        assertEquals(ChangeRequestStatus.PENDING, clientSide.getStatus());
        io.bpo.client.contracts.ApiException twice = assertThrows(io.bpo.client.contracts.ApiException.class,
                () -> alice.changeRequestResourceApprove(raised.getId(), ACME, id,
                        "\"" + clientSide.getVersion() + "\"", new DecisionNote().comment("again")));
        assertEquals(409, twice.getCode());
        ChangeRequest applied = new ChangeRequestsApi(contracts(CAROL)).changeRequestResourceApprove(raised.getId(),
                ACME, id, "\"" + clientSide.getVersion() + "\"", new DecisionNote().comment("agreed"));
        assertEquals(ChangeRequestStatus.APPLIED, applied.getStatus());

        List<VersionSummary> versions = aliceTerms.termsResourceVersions(ACME, id);
        assertEquals(2, versions.size());
        assertEquals(raised.getId(), versions.get(1).getChangeRequestId());
        TermsDocument amended = aliceTerms.termsResourceGet(ACME, id, "2026-10-01");
        assertEquals(1, amended.getAmendmentNumber());
        assertEquals(0, new BigDecimal("4").compareTo(amended.getTerms().getSlas().get(1).getTarget()));
        assertEquals(0, new BigDecimal("5").compareTo(aliceTerms.termsResourceGet(ACME, id, "2026-09-30")
                .getTerms().getSlas().get(1).getTarget()));
    }

    @Test
    void knowledgeArticleWrittenReviewedPublishedAndSearched() throws Exception {
        String marker = "zg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        KnowledgeArticlesApi alice = new KnowledgeArticlesApi(knowledge(ALICE));
        Article draft = alice.articleResourceCreate(ACME, new NewArticle().type(ArticleType.PROCEDURE)
                .title("Billing dispute " + marker).body("## Steps\n\n1. Open a billing case " + marker + ".\n")
                .language("en").tags(List.of("billing")).classification(Classification.INTERNAL), null);
        assertEquals(ArticleStatus.DRAFT, draft.getStatus());
        Article inReview = alice.articleResourceSubmit(draft.getId(), ACME);
        assertEquals(ArticleStatus.IN_REVIEW, inReview.getStatus());
        io.bpo.client.knowledge.ApiException selfReview = assertThrows(io.bpo.client.knowledge.ApiException.class,
                () -> alice.articleResourcePublish(draft.getId(), ACME));
        assertEquals(403, selfReview.getCode());
        Article published = new KnowledgeArticlesApi(knowledge(CAROL)).articleResourcePublish(draft.getId(), ACME);
        assertEquals(ArticleStatus.PUBLISHED, published.getStatus());
        assertEquals(1, published.getPublishedVersion());

        SearchResults hits = new KnowledgeSearchApi(knowledge(DAVE)).searchResourceSearch(ACME, marker, null, null,
                null, null, null, null, null);
        assertTrue(hits.getItems().stream().anyMatch(hit -> draft.getId().equals(hit.getId())), hits.toString());
    }

    @Test
    void reportingRecordsIngestedAndTheMonthlyReviewRead() throws Exception {
        String queue = "e2e-gen-" + UUID.randomUUID().toString().substring(0, 8);
        UUID contractId = runningContract("E2E-GEN-SLA-", queue).getId();
        // Monday 2026-03-02 10:00 Paris: 8 calls answered in 10 s, 2 in 30 s: 80 % answered in 20 s
        List<InteractionRecord> records = new ArrayList<>();
        OffsetDateTime monday = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 10; i++) {
            int wait = i < 8 ? 10 : 30;
            records.add(new InteractionRecord().externalId(queue + "-" + i).channel(Channel.PHONE).queue(queue)
                    .offeredAt(monday.plusSeconds(i)).answeredAt(monday.plusSeconds(i + wait))
                    .endedAt(monday.plusSeconds(i + wait + 240)).waitSeconds(wait).handleSeconds(240)
                    .abandoned(false).csat(5));
        }
        InteractionsApi ingest = new InteractionsApi(reporting(INGEST_ACME));
        IngestionResult first = ingest.ingestionResourceIngest(ACME, records, null);
        assertEquals(10, first.getCreated());
        IngestionResult replay = ingest.ingestionResourceIngest(ACME, records, null);
        assertEquals(10, replay.getDuplicates());

        MonthReport review = new ReportsApi(reporting(ALICE)).reportResourceReport(ACME, contractId, "2026-03");
        MonthlySla serviceLevel = review.getMonth().getSlas().stream()
                .filter(sla -> "niveau-de-service-20s".equals(sla.getSlaKey())).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("80").compareTo(serviceLevel.getPeriods().get(0).getValue()),
                serviceLevel.toString());
        assertEquals(contractId, review.getMonth().getContractId());
    }
}
