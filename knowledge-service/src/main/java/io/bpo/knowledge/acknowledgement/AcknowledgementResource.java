package io.bpo.knowledge.acknowledgement;

import io.bpo.knowledge.article.Users;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients/{clientId}/knowledge")
@Tag(name = "Knowledge acknowledgements", description = "Agents' \"read and understood\", the roster of agents assigned"
        + " to the client, and coverage")
@SecurityRequirement(name = "bearer")
@Authenticated
public class AcknowledgementResource {
    @Inject
    AcknowledgementService acknowledgements;

    @POST
    @Path("/articles/{articleId}/acknowledgements")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Acknowledge the article's current version (read and understood)",
            description = "Acknowledges the version readers are served now. Repeating it changes nothing.")
    @APIResponse(responseCode = "201", description = "Acknowledged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Acknowledgement.class)))
    @APIResponse(responseCode = "200", description = "Already acknowledged: the first acknowledgement")
    @APIResponse(responseCode = "403", description = "Only agents acknowledge")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    public RestResponse<Acknowledgement> acknowledge(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId) {
        AcknowledgementService.Result result = acknowledgements.acknowledge(articleId);
        return RestResponse.ResponseBuilder.<Acknowledgement>create(result.created() ? 201 : 200)
                .entity(result.acknowledgement()).build();
    }

    @GET
    @Path("/acknowledgements/pending")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Published articles you have not acknowledged since their last version requiring it")
    @APIResponse(responseCode = "200", description = "Title order")
    public List<ClientCoverage.Line> pending(@PathParam("clientId") String clientId) {
        return acknowledgements.pendingForCaller();
    }

    @GET
    @Path("/articles/{articleId}/coverage")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Which assigned agents have acknowledged the article's current version")
    @APIResponse(responseCode = "200", description = "Coverage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleCoverage.class)))
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    @APIResponse(responseCode = "409", description = "The article is not published")
    public ArticleCoverage coverage(@PathParam("clientId") String clientId, @PathParam("articleId") UUID articleId) {
        return acknowledgements.coverage(articleId);
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Acknowledgement coverage of the client's published articles")
    @APIResponse(responseCode = "200", description = "Per article and overall",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientCoverage.class)))
    public ClientCoverage clientCoverage(@PathParam("clientId") String clientId) {
        return acknowledgements.clientCoverage();
    }

    @GET
    @Path("/roster")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Agents assigned to the client (the population coverage counts)")
    @APIResponse(responseCode = "200", description = "By user name")
    public List<RosterEntry> roster(@PathParam("clientId") String clientId) {
        return acknowledgements.roster();
    }

    @PUT
    @Path("/roster/{userName}")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    @Operation(summary = "Assign an agent to the client", description = "Idempotent: assigning twice keeps the first entry.")
    @APIResponse(responseCode = "201", description = "Assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RosterEntry.class)))
    @APIResponse(responseCode = "200", description = "Was already assigned")
    @APIResponse(responseCode = "400", description = "Not a user name")
    @APIResponse(responseCode = "403", description = "Only account managers keep the roster")
    public RestResponse<RosterEntry> assign(@PathParam("clientId") String clientId,
            @PathParam("userName") String userName) {
        requireUserName(userName);
        boolean added = acknowledgements.assign(userName);
        return RestResponse.ResponseBuilder.<RosterEntry>create(added ? 201 : 200)
                .entity(acknowledgements.rosterEntry(userName)).build();
    }

    @DELETE
    @Path("/roster/{userName}")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    @Operation(summary = "Unassign an agent", description = "Their acknowledgements stay; they no longer count.")
    @APIResponse(responseCode = "204", description = "Unassigned")
    @APIResponse(responseCode = "404", description = "Not on the roster")
    public void unassign(@PathParam("clientId") String clientId, @PathParam("userName") String userName) {
        requireUserName(userName);
        acknowledgements.unassign(userName);
    }

    private static void requireUserName(String userName) {
        if (!userName.matches(Users.PATTERN)) {
            throw ApiException.badRequest("userName", Users.RULE);
        }
    }
}
