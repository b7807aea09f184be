package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void clientAndResourceIdsBecomePlaceholdersNamedAfterTheirCollection() {
        PathTemplate t = PathTemplate.of("/api/v1/clients/acme/contracts/5d0f2c1e-8c4b-4d7e-9a51-2f6b3e9d0c11");
        assertEquals("/api/v1/clients/{clientId}/contracts/{contractId}", t.template());
        assertEquals(Map.of("clientId", "acme", "contractId", "5d0f2c1e-8c4b-4d7e-9a51-2f6b3e9d0c11"), t.ids());
        assertEquals(List.of("clientId", "contractId"), List.copyOf(t.ids().keySet()));
    }

    @Test
    void nestedCollectionsActionsAndServicePrefixes() {
        assertEquals("/api/v1/clients/{clientId}/contracts/{contractId}/change-requests/{changeRequestId}/approve",
                PathTemplate.of("/api/v1/clients/acme/contracts/C-1/change-requests/17/approve").template());
        assertEquals("/api/v1/clients/{clientId}/knowledge/articles/{articleId}",
                PathTemplate.of("/api/v1/clients/globex/knowledge/articles/a1b2").template());
        assertEquals("/api/v1/clients/{clientId}/reporting/interactions/{interactionId}",
                PathTemplate.of("/api/v1/clients/acme/reporting/interactions/42").template());
        assertEquals("/api/v1/clients/{clientId}/contracts/{contractId}/versions/{versionId}",
                PathTemplate.of("/api/v1/clients/acme/contracts/x9/versions/3").template());
        assertEquals("/api/v1/policies/{policyId}", PathTemplate.of("/api/v1/policies/7").template());
    }

    @Test
    void pathsWithoutIdsKeepTheirShape() {
        assertEquals(new PathTemplate("/api/v1/clients", Map.of()), PathTemplate.of("/api/v1/clients"));
        assertEquals(new PathTemplate("/api/v1/audit/access-log/verify", Map.of()),
                PathTemplate.of("/api/v1/audit/access-log/verify"));
        assertEquals("/api/v1/clients/{clientId}/contracts/", PathTemplate.of("/api/v1/clients/acme/contracts/")
                .template());
        assertEquals(new PathTemplate("/other", Map.of()), PathTemplate.of("/other"));
    }

    @Test
    void twoIdsInARowGetDistinctNames() {
        PathTemplate t = PathTemplate.of("/api/v1/clients/acme/contracts/1/2");
        assertEquals("/api/v1/clients/{clientId}/contracts/{contractId}/{id}", t.template());
        PathTemplate again = PathTemplate.of("/api/v1/clients/acme/x/1/x/2");
        assertEquals("/api/v1/clients/{clientId}/x/{xId}/x/{xId2}", again.template());
        assertEquals(Map.of("clientId", "acme", "xId", "1", "xId2", "2"), again.ids());
    }

    @Test
    void storedIdsAreNamedFromTheTemplate() {
        assertEquals(Map.of("clientId", "acme", "contractId", "7"),
                PathTemplate.ids("/api/v1/clients/{clientId}/contracts/{contractId}", List.of("acme", "7")));
        assertEquals(List.of("clientId", "contractId"),
                PathTemplate.names("/api/v1/clients/{clientId}/contracts/{contractId}"));
    }
}
