package io.bpo.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteResolverTest {

    @Test
    void clientsCollectionBelongsToContractsWithoutClient() {
        assertEquals(new ApiRoute.Proxy(Service.CONTRACTS, null), RouteResolver.resolve("/api/v1/clients"));
    }

    @Test
    void clientItselfBelongsToContracts() {
        assertEquals(new ApiRoute.Proxy(Service.CONTRACTS, "acme"), RouteResolver.resolve("/api/v1/clients/acme"));
    }

    @Test
    void segmentAfterClientNamesTheService() {
        assertEquals(new ApiRoute.Proxy(Service.CONTRACTS, "acme"),
                RouteResolver.resolve("/api/v1/clients/acme/contracts/7/change-requests"));
        assertEquals(new ApiRoute.Proxy(Service.KNOWLEDGE, "acme"),
                RouteResolver.resolve("/api/v1/clients/acme/knowledge"));
        assertEquals(new ApiRoute.Proxy(Service.REPORTING, "globex-2"),
                RouteResolver.resolve("/api/v1/clients/globex-2/reporting/sla/2025-01"));
    }

    @Test
    void portfolioAcrossClientsBelongsToReportingWithoutClient() {
        assertEquals(new ApiRoute.Proxy(Service.REPORTING, null), RouteResolver.resolve("/api/v1/reporting/portfolio"));
    }

    @Test
    void peopleAndTheClientLifecycleBelongToPeopleService() {
        assertEquals(new ApiRoute.Proxy(Service.PEOPLE, "acme"),
                RouteResolver.resolve("/api/v1/clients/acme/people/invitations"));
        assertEquals(new ApiRoute.Proxy(Service.PEOPLE, null), RouteResolver.resolve("/api/v1/admin/clients"));
        assertEquals(new ApiRoute.Proxy(Service.PEOPLE, "initech"),
                RouteResolver.resolve("/api/v1/admin/clients/initech/suspend"));
    }

    @Test
    void accessLogIsTheGatewaysOwn() {
        assertInstanceOf(ApiRoute.AccessLog.class, RouteResolver.resolve("/api/v1/audit/access-log"));
        assertInstanceOf(ApiRoute.AccessLog.class, RouteResolver.resolve("/api/v1/audit/access-log/verify"));
        assertInstanceOf(ApiRoute.AccessLog.class, RouteResolver.resolve("/api/v1/audit/access-log/checkpoints"));
        assertInstanceOf(ApiRoute.AccessLog.class, RouteResolver.resolve("/api/v1/audit/access-log/public-key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/clients/acme/billing",
            "/api/v1/clients/acme/Contracts",
            "/api/v1/clients/acme/contracts;v=1",
            "/api/v1/clients/",
            "/api/v1/clients//contracts",
            "/api/v1/clients/ACME/contracts",
            "/api/v1/clients/a/contracts",
            "/api/v1/clients/-acme/contracts",
            "/api/v1/clients/acme%2Fglobex/contracts",
            "/api/v1/audit",
            "/api/v1/audit/access-log/extra",
            "/api/v1/audit/access-log/verify/extra",
            "/api/v1/audit/access-log/",
            "/api/v1/reporting",
            "/api/v1/reporting/",
            "/api/v1/reporting/portfolio/",
            "/api/v1/reporting/portfolio/acme",
            "/api/v1/reporting/interactions",
            "/api/v1/reporting/Portfolio",
            "/api/v1/reporting/portfolio;clients=globex",
            "/api/v1/admin",
            "/api/v1/admin/users",
            "/api/v1/admin/clients/ACME/suspend",
            "/api/v1/",
            "/api/v1",
            "/api/v2/clients" })
    void anythingElseIsNotFound(String path) {
        assertInstanceOf(ApiRoute.NotFound.class, RouteResolver.resolve(path));
    }

    @Test
    void clientIdsAreLowerCaseSlugsOfTwoTo63Characters() {
        assertEquals(true, RouteResolver.isClientId("ab"));
        assertEquals(true, RouteResolver.isClientId("a" + "b".repeat(62)));
        assertEquals(false, RouteResolver.isClientId("a" + "b".repeat(63)));
        assertEquals(false, RouteResolver.isClientId("acme_corp"));
    }
}
