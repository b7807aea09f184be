package io.bpo.contracts.changerequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.http.ETags;
import io.bpo.kit.http.Page;
import io.bpo.kit.http.QueryParams;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.Problem;
import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients/{clientId}/contracts/{contractId}/change-requests")
@Tag(name = "Change requests", description = "Two-party amendments: either side proposes, both must approve, "
        + "then the change becomes the next contract version with its effective date")
@SecurityRequirement(name = "bearer")
@Authenticated
public class ChangeRequestResource {
    static final String BASE = "/api/v1/clients/%s/contracts/%s/change-requests/%s";

    // complete, as the API requires the whole proposed terms: OpenApiDocumentTest validates it against the schema
    private static final String RAISE_EXAMPLE = """
            {
              "reason": "Summer campaign: the client wants 85% of calls answered within 20 s",
              "effectiveFrom": "2026-06-01",
              "categories": ["SLA"],
              "terms": {
                "term": {"startDate": "2026-01-01", "endDate": "2027-12-31", "noticePeriodDays": 90,
                         "renewal": "EXPLICIT"},
                "pricing": {"model": "FIXED_FEE", "monthlyFee": 85000.00},
                "governance": [{"level": "OPERATIONAL", "cadence": "WEEKLY",
                                "providerMembers": ["Contact centre manager (Tunis)"],
                                "clientMembers": ["Customer service manager"]}],
                "calendars": [{"key": "fr-business", "timeZone": "Europe/Paris",
                               "weeklyHours": [{"day": "MONDAY", "opens": "08:00", "closes": "20:00"}],
                               "holidays": ["2026-07-14"]}],
                "scope": [{"key": "billing-calls", "process": "Billing enquiries by phone", "channel": "PHONE",
                           "languages": ["fr"], "calendar": "fr-business", "forecastMonthlyVolume": 12000,
                           "inScope": true}],
                "objectives": [{"key": "accessibility", "category": "QUALITY",
                                "statement": "Callers are answered quickly", "slas": ["service-level-20s"]}],
                "slas": [{"key": "service-level-20s", "name": "85% of calls answered in 20 s",
                          "metric": "SERVICE_LEVEL", "comparator": "GTE", "target": 85, "thresholdSeconds": 20,
                          "period": "MONTH", "calendar": "fr-business", "weight": 1, "scope": ["billing-calls"]}]
              }
            }""";
    private static final String STALE_EXAMPLE = """
            {"type": "https://bpo.example/problems/stale-change-request", "title": "Conflict", "status": 409,
             "detail": "Version 3 was applied after version 2, which this change request amends; raise a new \
            change request from the current terms"}""";
    private static final String ALREADY_DECIDED_EXAMPLE = """
            {"type": "https://bpo.example/problems/already-decided", "title": "Conflict", "status": 409,
             "detail": "The PROVIDER side already APPROVED this change request; each side decides once"}""";
    private static final String VALIDATION_EXAMPLE = """
            {"type": "https://bpo.example/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "terms.slas[0].target must be between 0 and 100 for PERCENT",
             "errors": [{"field": "terms.slas[0].target", "reason": "must be between 0 and 100 for PERCENT"}]}""";

    @Inject
    ChangeRequestService changeRequests;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @POST
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Raise a change request",
            description = "Proposes complete terms for an ACTIVE or SUSPENDED contract, against its latest version. "
                    + "The raising side is the caller's: account-manager raises for the PROVIDER, client-manager for "
                    + "the CLIENT. Nothing changes until both sides approve, the raising side included.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewChangeRequest.class),
            examples = @ExampleObject(name = "SLA target", value = RAISE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Raised (PENDING); Location and ETag of the change request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, by JSON path (terms.slas[0].target, "
            + "effectiveFrom before the current version or after the proposed end date, categories omitting a "
            + "changed part, terms.term.startDate moved)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not a manager of either side, a token holding both sides' "
            + "roles, or another client's id in the path")
    @APIResponse(responseCode = "404", description = "No such contract for this client")
    @APIResponse(responseCode = "409", description = "contract-is-draft (edit a draft's terms directly), "
            + "contract-closed (TERMINATED or EXPIRED), nothing-to-change (the proposal equals the current terms)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public RestResponse<ChangeRequestView> raise(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId,
            @Parameter(description = "Makes a retried raise safe: a replay returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewChangeRequest request) {
        Idempotency.Outcome<ChangeRequestView> outcome = changeRequests.raise(contractId, request, idempotencyKey);
        ChangeRequestView raised = outcome.response();
        return RestResponse.ResponseBuilder.<ChangeRequestView>created(location(clientId, raised))
                .entity(raised).tag(String.valueOf(raised.version()))
                .header("Idempotent-Replayed", outcome.replayed()).build();
    }

    @GET
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "List a contract's change requests, oldest first",
            description = "Without the proposed terms and the diff (read one request for those).")
    @APIResponse(responseCode = "200", description = "One page; nextCursor is null on the last")
    @APIResponse(responseCode = "400", description = "Unknown status, bad cursor or limit")
    @APIResponse(responseCode = "404", description = "No such contract for this client")
    public Page<ChangeRequestView> list(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId,
            @Parameter(description = "only requests with this status",
                    schema = @Schema(implementation = ChangeRequestStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1-200, default 50") @QueryParam("limit") String limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ChangeRequestStatus wanted = QueryParams.enumValue("status", status, ChangeRequestStatus.class, errors);
        QueryParams.requireNoErrors(errors);
        return changeRequests.list(contractId, wanted, cursor, QueryParams.limit(limit));
    }

    @GET
    @Path("/{changeRequestId}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "One change request, with its proposed terms and the diff from its base version")
    @APIResponse(responseCode = "200", description = "The change request; ETag is what a decision must send as "
            + "If-Match", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such change request on this contract for this client")
    public RestResponse<ChangeRequestView> get(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId, @PathParam("changeRequestId") UUID changeRequestId) {
        ChangeRequestView request = changeRequests.get(contractId, changeRequestId);
        return RestResponse.ResponseBuilder.ok(request).tag(String.valueOf(request.version())).build();
    }

    @POST
    @Path("/{changeRequestId}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Approve for your side",
            description = "account-manager approves for the PROVIDER side, client-manager for the CLIENT side; each "
                    + "side decides once. The second approval applies the change in the same transaction: the next "
                    + "contract version (next amendment number) takes effect on the request's effectiveFrom, the "
                    + "request becomes APPLIED, and the contract's other pending requests become SUPERSEDED.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionNote.class)))
    @APIResponse(responseCode = "200", description = "Approved (still PENDING until the other side approves) or "
            + "APPLIED", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeRequestView.class)))
    @APIResponse(responseCode = "403", description = "Neither manager role, or both")
    @APIResponse(responseCode = "404", description = "No such change request on this contract for this client")
    @APIResponse(responseCode = "409", description = "already-decided (your side decided), change-request-closed "
            + "(REJECTED, WITHDRAWN or APPLIED), stale-change-request (another amendment was applied since its base "
            + "version; it is SUPERSEDED), contract-closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "already decided", value = ALREADY_DECIDED_EXAMPLE),
                            @ExampleObject(name = "stale", value = STALE_EXAMPLE)}))
    @APIResponse(responseCode = "412", description = "The change request changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ChangeRequestView> approve(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId, @PathParam("changeRequestId") UUID changeRequestId,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "The change request's ETag")
            @HeaderParam("If-Match") String ifMatch,
            String body) throws JsonProcessingException {
        long expected = ETags.requireIfMatch(ifMatch);
        return ok(changeRequests.approve(contractId, changeRequestId, expected, note(body)));
    }

    @POST
    @Path("/{changeRequestId}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Reject for your side, with a comment",
            description = "Either side may reject a PENDING request once; a rejected request is final.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionNote.class),
            examples = @ExampleObject(name = "reason", value = "{\"comment\": \"Not within the current budget\"}")))
    @APIResponse(responseCode = "200", description = "REJECTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeRequestView.class)))
    @APIResponse(responseCode = "400", description = "comment is missing")
    @APIResponse(responseCode = "403", description = "Neither manager role, or both")
    @APIResponse(responseCode = "404", description = "No such change request on this contract for this client")
    @APIResponse(responseCode = "409", description = "already-decided, change-request-closed, stale-change-request")
    @APIResponse(responseCode = "412", description = "The change request changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ChangeRequestView> reject(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId, @PathParam("changeRequestId") UUID changeRequestId,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "The change request's ETag")
            @HeaderParam("If-Match") String ifMatch,
            String body) throws JsonProcessingException {
        long expected = ETags.requireIfMatch(ifMatch);
        return ok(changeRequests.reject(contractId, changeRequestId, expected, note(body)));
    }

    @POST
    @Path("/{changeRequestId}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Withdraw a pending request your side raised")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionNote.class)))
    @APIResponse(responseCode = "200", description = "WITHDRAWN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeRequestView.class)))
    @APIResponse(responseCode = "403", description = "not-raising-party: the other side raised it (it may reject)")
    @APIResponse(responseCode = "404", description = "No such change request on this contract for this client")
    @APIResponse(responseCode = "409", description = "change-request-closed: no longer PENDING")
    @APIResponse(responseCode = "412", description = "The change request changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ChangeRequestView> withdraw(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId, @PathParam("changeRequestId") UUID changeRequestId,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "The change request's ETag")
            @HeaderParam("If-Match") String ifMatch,
            String body) throws JsonProcessingException {
        long expected = ETags.requireIfMatch(ifMatch);
        return ok(changeRequests.withdraw(contractId, changeRequestId, expected, note(body)));
    }

    /** Where a change request lives; also the Location of the 202 that PUT .../terms answers on a running contract. */
    public static URI location(String clientId, ChangeRequestView request) {
        return URI.create(BASE.formatted(clientId, request.contractId(), request.id()));
    }

    private DecisionNote note(String body) throws JsonProcessingException {
        return DecisionNote.parse(body, mapper, validator);
    }

    private static RestResponse<ChangeRequestView> ok(ChangeRequestView request) {
        return RestResponse.ResponseBuilder.ok(request).tag(String.valueOf(request.version())).build();
    }
}
