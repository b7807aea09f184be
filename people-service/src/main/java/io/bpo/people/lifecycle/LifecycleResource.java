package io.bpo.people.lifecycle;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Roles;
import io.bpo.people.directory.Person;
import io.bpo.people.export.ClientExport;
import io.bpo.people.people.Invitation;
import io.bpo.people.people.PeopleService;
import io.bpo.people.people.StaffAssignment;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The provider administrator's client lifecycle: one call per step, each idempotent. */
@Path("/api/v1/admin/clients")
@Tag(name = "Client lifecycle", description = "Onboard, suspend, resume and offboard clients (provider-admin)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.PROVIDER_ADMIN)
public class LifecycleResource {

    private final LifecycleService lifecycle;
    private final PeopleService people;

    LifecycleResource(LifecycleService lifecycle, PeopleService people) {
        this.lifecycle = lifecycle;
        this.people = people;
    }

    @POST
    @Operation(summary = "Onboard a client: registry entry in contracts-service and its Keycloak group, in one step",
            description = "Idempotent: onboarding an onboarded client (or one only in the registry) answers 200.")
    @APIResponse(responseCode = "201", description = "Onboarded now")
    @APIResponse(responseCode = "200", description = "Already onboarded: nothing changed")
    @APIResponse(responseCode = "409", description = "The client was offboarded")
    public RestResponse<LifecycleView> onboard(@Valid @NotNull OnboardRequest request) {
        LifecycleService.Outcome outcome = lifecycle.onboard(request);
        return outcome.created()
                ? RestResponse.ResponseBuilder.<LifecycleView>created(URI.create("/api/v1/admin/clients/" + request.id()))
                        .entity(outcome.view()).build()
                : RestResponse.ok(outcome.view());
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "A client's lifecycle state and export archives")
    public LifecycleView get(@PathParam("clientId") String clientId) {
        return lifecycle.get(clientId);
    }

    @POST
    @Path("/{clientId}/manager-invitation")
    @Operation(summary = "Invite the client's first client manager (an e-mail with a one-time link)")
    @APIResponse(responseCode = "201", description = "Invited now")
    @APIResponse(responseCode = "200", description = "This person is already a member: nothing sent")
    public RestResponse<Person> inviteManager(@PathParam("clientId") String clientId,
            @Valid @NotNull ManagerInvitation invitation) {
        LifecycleService.require(clientId, true);
        PeopleService.Invited invited = people.invite(clientId, new Invitation(invitation.email(),
                invitation.firstName(), invitation.lastName(), Roles.CLIENT_MANAGER));
        return invited.created()
                ? RestResponse.ResponseBuilder.<Person>created(URI.create("/api/v1/clients/" + clientId + "/people/"
                        + invited.person().id())).entity(invited.person()).build()
                : RestResponse.ok(invited.person());
    }

    @POST
    @Path("/{clientId}/suspend")
    @Operation(summary = "Suspend: every person of the client refused within seconds; data and log kept")
    public LifecycleView suspend(@PathParam("clientId") String clientId) {
        return lifecycle.suspend(clientId);
    }

    @POST
    @Path("/{clientId}/resume")
    @Operation(summary = "Resume a suspended client")
    public LifecycleView resume(@PathParam("clientId") String clientId) {
        return lifecycle.resume(clientId);
    }

    @POST
    @Path("/{clientId}/offboard")
    @Operation(summary = "Offboard: export all the client's data, then delete it after the retention period")
    public LifecycleView offboard(@PathParam("clientId") String clientId) {
        return lifecycle.offboard(clientId);
    }

    @GET
    @Path("/{clientId}/exports/{exportId}")
    @Produces("application/zip")
    @Operation(summary = "Download an export archive (zip: JSON, CSV, manifest.json and SHA256SUMS)")
    public RestResponse<byte[]> download(@PathParam("clientId") String clientId,
            @PathParam("exportId") String exportId) {
        UUID id = parse(exportId);
        ClientExport export = QuarkusTransaction.requiringNew().call(() -> {
            ClientExport found = ClientExport.<ClientExport>find("clientId = ?1 and id = ?2", clientId, id)
                    .firstResultOptional().orElseThrow(() -> ApiException.notFound("Export", exportId));
            found.archive = found.archive.clone(); // the bytes are lazy: loaded while the session is open
            return found;
        });
        return RestResponse.ResponseBuilder.ok(export.archive, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + clientId + "-export-" + id + ".zip\"")
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(export.sha256)) + ":")
                .build();
    }

    @POST
    @Path("/{clientId}/staff")
    @Operation(summary = "Assign an account manager or an agent (an existing user) to the client")
    public Person assignStaff(@PathParam("clientId") String clientId, @Valid @NotNull StaffAssignment assignment) {
        LifecycleService.requireOpen(clientId);
        return people.assignStaff(clientId, assignment);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Export", id);
        }
    }

    public record ManagerInvitation(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Email String email,
            @jakarta.validation.constraints.NotBlank String firstName,
            @jakarta.validation.constraints.NotBlank String lastName) {
    }
}
