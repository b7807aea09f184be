package io.bpo.portal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The gateway's API as the portal uses it: every call carries the signed-in user's access token
 * ({@link BearerTokenFilter}), so the gateway's isolation, role checks and access log apply to each page exactly
 * as to any other integration. Bodies stay JSON trees: the portal only displays them and must not break when a
 * service adds a field.
 */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(BearerTokenFilter.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayApi {

    // ---- contracts-service
    @GET
    @Path("/clients")
    JsonNode clients(@QueryParam("limit") int limit);

    @GET
    @Path("/clients/{clientId}")
    JsonNode client(@PathParam("clientId") String clientId);

    @GET
    @Path("/clients/{clientId}/contracts")
    JsonNode contracts(@PathParam("clientId") String clientId, @QueryParam("limit") int limit);

    @GET
    @Path("/clients/{clientId}/contracts/deadlines")
    JsonNode deadlines(@PathParam("clientId") String clientId);

    @GET
    @Path("/clients/{clientId}/contracts/{contractId}")
    JsonNode contract(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId);

    @GET
    @Path("/clients/{clientId}/contracts/{contractId}/terms")
    JsonNode terms(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId);

    @GET
    @Path("/clients/{clientId}/contracts/{contractId}/versions")
    JsonNode versions(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId);

    @GET
    @Path("/clients/{clientId}/contracts/{contractId}/versions/{number}")
    JsonNode version(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @PathParam("number") int number);

    @GET
    @Path("/clients/{clientId}/contracts/{contractId}/change-requests")
    JsonNode changeRequests(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @QueryParam("status") String status);

    @GET
    @Path("/clients/{clientId}/contracts/{contractId}/change-requests/{id}")
    JsonNode changeRequest(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @PathParam("id") String id);

    @POST
    @Path("/clients/{clientId}/contracts/{contractId}/change-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode raise(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode body);

    @POST
    @Path("/clients/{clientId}/contracts/{contractId}/change-requests/{id}/{decision: approve|reject}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode decide(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @PathParam("id") String id, @PathParam("decision") String decision, @HeaderParam("If-Match") String ifMatch,
            JsonNode note);

    // ---- reporting-service
    @GET
    @Path("/reporting/portfolio")
    JsonNode portfolioOfAll(@QueryParam("month") String month);

    @GET
    @Path("/clients/{clientId}/reporting/portfolio")
    JsonNode portfolio(@PathParam("clientId") String clientId, @QueryParam("month") String month);

    @GET
    @Path("/clients/{clientId}/reporting/contracts/{contractId}/compliance")
    JsonNode compliance(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @QueryParam("month") String month);

    @GET
    @Path("/clients/{clientId}/reporting/contracts/{contractId}/statements/{month}")
    JsonNode statement(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @PathParam("month") String month);

    @POST
    @Path("/clients/{clientId}/reporting/contracts/{contractId}/statements/{month}/accept")
    JsonNode acceptStatement(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @PathParam("month") String month);

    /** The monthly review as PDF or CSV, passed through to the browser. */
    @GET
    @Path("/clients/{clientId}/reporting/contracts/{contractId}/reports/{month}")
    @Produces(MediaType.WILDCARD)
    Response report(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @PathParam("month") String month, @HeaderParam("Accept") String accept,
            @HeaderParam("Accept-Language") String language);

    // ---- knowledge-service
    @GET
    @Path("/clients/{clientId}/knowledge/search")
    JsonNode search(@PathParam("clientId") String clientId, @QueryParam("q") String q,
            @QueryParam("language") String language, @QueryParam("page") Integer page);

    @GET
    @Path("/clients/{clientId}/knowledge/articles")
    JsonNode articles(@PathParam("clientId") String clientId, @QueryParam("status") String status,
            @QueryParam("limit") int limit);

    @GET
    @Path("/clients/{clientId}/knowledge/articles/{articleId}")
    JsonNode article(@PathParam("clientId") String clientId, @PathParam("articleId") String articleId);

    @POST
    @Path("/clients/{clientId}/knowledge/articles/{articleId}/acknowledgements")
    JsonNode acknowledge(@PathParam("clientId") String clientId, @PathParam("articleId") String articleId);

    @GET
    @Path("/clients/{clientId}/knowledge/acknowledgements/pending")
    JsonNode pendingAcknowledgements(@PathParam("clientId") String clientId);

    @GET
    @Path("/clients/{clientId}/knowledge/coverage")
    JsonNode coverage(@PathParam("clientId") String clientId);

    // ---- gateway: audit
    @GET
    @Path("/audit/access-log")
    JsonNode accessLog(@QueryParam("clientId") String clientId, @QueryParam("subject") String subject,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/audit/access-log/verify")
    JsonNode verify();
}
