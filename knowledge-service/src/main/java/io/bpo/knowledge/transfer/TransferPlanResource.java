package io.bpo.knowledge.transfer;

import io.bpo.kit.http.ETags;
import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients/{clientId}/knowledge/transfer-plans")
@Tag(name = "Knowledge transfer plans", description = "Phases and tasks that move a contract's know-how to the"
        + " provider, readiness and go-live sign-off")
@SecurityRequirement(name = "bearer")
@Authenticated
public class TransferPlanResource {
    private static final String BASE = "/api/v1/clients/%s/knowledge/transfer-plans/%s";

    @Inject
    TransferPlanService plans;

    @POST
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Create a transfer plan for a contract")
    @APIResponse(responseCode = "201", description = "Created, IN_PROGRESS, with its (empty) phases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; each one is named")
    public RestResponse<PlanView> create(@PathParam("clientId") String clientId, @Valid @NotNull NewPlan plan) {
        PlanView created = plans.create(plan);
        return RestResponse.ResponseBuilder.<PlanView>created(URI.create(BASE.formatted(clientId, created.id())))
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "The client's transfer plans, oldest first (at most 200)")
    @APIResponse(responseCode = "200", description = "Plans with readiness")
    public List<PlanView> list(@PathParam("clientId") String clientId,
            @Parameter(description = "Only this contract's plans") @QueryParam("contractId") String contractId) {
        return plans.list(contractId == null || contractId.isBlank() ? null : contractId);
    }

    @GET
    @Path("/{planId}")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "A plan with its tasks and the readiness of each phase")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan for this client")
    public PlanView get(@PathParam("clientId") String clientId, @PathParam("planId") UUID planId) {
        return plans.get(planId);
    }

    @POST
    @Path("/{planId}/tasks")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Add a task to a phase")
    @APIResponse(responseCode = "201", description = "Added; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.TaskView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or a linked article is not this client's")
    @APIResponse(responseCode = "404", description = "No such plan for this client")
    public RestResponse<PlanView.TaskView> addTask(@PathParam("clientId") String clientId,
            @PathParam("planId") UUID planId, @Valid @NotNull NewTask task) {
        PlanView.TaskView added = plans.addTask(planId, task);
        return RestResponse.ResponseBuilder.<PlanView.TaskView>created(
                        URI.create(BASE.formatted(clientId, planId) + "/tasks/" + added.id()))
                .entity(added).tag(String.valueOf(added.version())).build();
    }

    @PUT
    @Path("/{planId}/tasks/{taskId}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Replace a task (its status included); If-Match names the version you read")
    @APIResponse(responseCode = "200", description = "Saved; new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.TaskView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or a linked article is not this client's")
    @APIResponse(responseCode = "404", description = "No such plan or task for this client")
    @APIResponse(responseCode = "412", description = "If-Match does not match the task's version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<PlanView.TaskView> updateTask(@PathParam("clientId") String clientId,
            @PathParam("planId") UUID planId, @PathParam("taskId") UUID taskId,
            @Parameter(description = "The ETag you read", required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull NewTask task) {
        PlanView.TaskView saved = plans.updateTask(planId, taskId, ETags.requireIfMatch(ifMatch), task);
        return RestResponse.ResponseBuilder.ok(saved).tag(String.valueOf(saved.version())).build();
    }

    @GET
    @Path("/{planId}/overdue-tasks")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "Tasks past their due date and not done, the oldest due first")
    @APIResponse(responseCode = "200", description = "Overdue tasks")
    @APIResponse(responseCode = "404", description = "No such plan for this client")
    public List<PlanView.TaskView> overdue(@PathParam("clientId") String clientId, @PathParam("planId") UUID planId) {
        return plans.overdueTasks(planId);
    }

    @POST
    @Path("/{planId}/sign-off")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Approve go-live for your side",
            description = "A client-manager signs for the client, an account-manager for the provider. Refused while"
                    + " a phase before go-live has unfinished tasks or linked articles not acknowledged by every"
                    + " assigned agent. The plan is LIVE once both sides approved.")
    @APIResponse(responseCode = "200", description = "Signed; LIVE when it was the second side",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan for this client")
    @APIResponse(responseCode = "409", description = "Readiness criteria unmet (each named), already signed by your"
            + " side, or already live")
    public PlanView signOff(@PathParam("clientId") String clientId, @PathParam("planId") UUID planId) {
        return plans.signOff(planId);
    }
}
