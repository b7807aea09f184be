package io.bpo.contracts.client;

import io.bpo.kit.http.Page;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Roles;
import io.bpo.kit.tenancy.ClientIds;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import io.bpo.kit.http.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients")
@Tag(name = "Clients", description = "The registry of client companies (tenants)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class ClientResource {
    @Inject
    ClientService clients;

    @GET
    @Operation(summary = "List the clients you may see",
            description = "Exactly the clients your token lists in its tenants claim; every client for provider-admin.")
    public Page<ClientView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        if (cursor != null && !ClientIds.isValid(cursor)) {
            throw ApiException.badRequest("cursor", "is not a cursor returned by this list");
        }
        return clients.visible(cursor, QueryParams.limit(limit));
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "Get one client")
    @APIResponse(responseCode = "200", description = "The client")
    @APIResponse(responseCode = "403", description = "Your token does not list this client")
    @APIResponse(responseCode = "404", description = "No such client")
    public ClientView get(@PathParam("clientId") String clientId) {
        return clients.get(clientId);
    }

    @POST
    @RolesAllowed(Roles.PROVIDER_ADMIN)
    @Operation(summary = "Onboard a client", description = "provider-admin only; the id becomes the tenant id.")
    @APIResponse(responseCode = "201", description = "Client onboarded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "409", description = "A client with this id exists")
    public RestResponse<ClientView> onboard(@Valid @NotNull NewClient request) {
        ClientView created = clients.onboard(request);
        return RestResponse.ResponseBuilder.<ClientView>created(URI.create("/api/v1/clients/" + created.id()))
                .entity(created).build();
    }
}
