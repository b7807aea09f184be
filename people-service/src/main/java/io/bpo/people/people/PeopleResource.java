package io.bpo.people.people;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Roles;
import io.bpo.people.directory.Person;
import io.quarkus.security.Authenticated;

/** The people of one client, read from and written to Keycloak. */
@Path("/api/v1/clients/{clientId}/people")
@Tag(name = "People", description = "Who belongs to a client, in which role (Keycloak is the one source)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class PeopleResource {

    private static final java.util.Set<String> FILTERABLE_ROLES = java.util.Set.of(Roles.CLIENT_MANAGER,
            Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT);

    private final PeopleService people;

    PeopleResource(PeopleService people) {
        this.people = people;
    }

    @GET
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "The client's people, its own and the provider staff assigned to it",
            description = "role=agent lists the agents assigned to the client (what knowledge's roster follows).")
    public List<Person> list(@PathParam("clientId") String clientId, @QueryParam("role") String role) {
        if (role != null && !FILTERABLE_ROLES.contains(role)) {
            throw ApiException.badRequest("role", "must be one of client-manager, client-viewer, account-manager,"
                    + " agent");
        }
        return people.list(clientId, Optional.ofNullable(role));
    }

    @GET
    @Path("/{personId}")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "One person of the client")
    @APIResponse(responseCode = "404", description = "No such person in this client")
    public Person get(@PathParam("clientId") String clientId, @PathParam("personId") String personId) {
        return people.get(clientId, personId);
    }

    @POST
    @Path("/invitations")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "Invite a person: a Keycloak user with the client and role, and a one-time link by e-mail")
    @APIResponse(responseCode = "201", description = "Invited now")
    @APIResponse(responseCode = "200", description = "Already a member of this client: nothing sent")
    @APIResponse(responseCode = "409", description = "The e-mail belongs to a person outside this client")
    public RestResponse<Person> invite(@PathParam("clientId") String clientId, @Valid @NotNull Invitation invitation) {
        PeopleService.Invited invited = people.invite(clientId, invitation);
        return invited.created()
                ? RestResponse.ResponseBuilder.<Person>created(URI.create("/api/v1/clients/" + clientId + "/people/"
                        + invited.person().id())).entity(invited.person()).build()
                : RestResponse.ok(invited.person());
    }

    @PUT
    @Path("/{personId}/role")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "Change a person's client role (client-manager or client-viewer); their tokens are refused")
    public Person changeRole(@PathParam("clientId") String clientId, @PathParam("personId") String personId,
            @Valid @NotNull RoleChange change) {
        return people.changeRole(clientId, personId, change);
    }

    @DELETE
    @Path("/{personId}")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "Remove a person from the client; their tokens are refused within seconds")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("clientId") String clientId, @PathParam("personId") String personId) {
        people.remove(clientId, personId);
    }
}
