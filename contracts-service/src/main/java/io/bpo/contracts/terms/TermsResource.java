package io.bpo.contracts.terms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bpo.contracts.changerequest.ChangeRequestResource;
import io.bpo.contracts.changerequest.ChangeRequestService;
import io.bpo.contracts.changerequest.ChangeRequestView;
import io.bpo.contracts.contract.Contract;
import io.bpo.contracts.contract.ContractService;
import io.bpo.contracts.contract.ContractStatus;
import io.bpo.kit.http.ETags;
import io.bpo.kit.http.QueryParams;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients/{clientId}/contracts/{contractId}")
@Tag(name = "Contract terms", description = "Effective-dated terms: scope, objectives, SLAs, pricing, governance")
@SecurityRequirement(name = "bearer")
@Authenticated
@Transactional
public class TermsResource {
    @Inject
    ContractService contracts;

    @Inject
    Caller caller;

    @Inject
    TermsService terms;

    @Inject
    ChangeRequestService changeRequests;

    @Inject
    YamlDocuments yamlDocuments;

    @Inject
    StoredTermsReader storedTerms;

    @GET
    @Path("/terms")
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // the hot read needs none: see StoredTermsReader
    @Produces({MediaType.APPLICATION_JSON, YamlDocuments.MEDIA_TYPE})
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "The complete terms, as one document (JSON or YAML)",
            description = "Without 'at': the latest version (which may take effect in the future). With at=YYYY-MM-DD: "
                    + "the version in force on that date. Send Accept: application/yaml for YAML.")
    @APIResponse(responseCode = "200", description = "The terms; ETag identifies the version for a later PUT",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TermsView.class)),
                    @Content(mediaType = YamlDocuments.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "The same document in YAML"))})
    @APIResponse(responseCode = "404", description = "No such contract, or no terms in force on that date")
    public RestResponse<Object> get(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId,
            @Parameter(description = "a date, YYYY-MM-DD") @QueryParam("at") String at,
            @Context HttpHeaders headers) {
        LocalDate day = at == null || at.isEmpty() ? null : date("at", at);
        if (!wantsYaml(headers)) {
            var stored = storedTerms.read(contractId, day);
            if (stored.isPresent()) {
                return RestResponse.ResponseBuilder.ok((Object) stored.get().view().json(),
                                MediaType.APPLICATION_JSON)
                        .tag(stored.get().etag()).build();
            }
        }
        // YAML, or nothing found: the entity path, in a transaction of its own, says which 404 it is (no contract,
        // or no terms that day)
        return QuarkusTransaction.requiringNew().call(() -> {
            Contract contract = contracts.require(contractId);
            ContractVersion version = day == null ? terms.latest(contractId) : terms.inForce(contractId, day);
            return document(contract, version, headers);
        });
    }

    @PUT
    @Path("/terms")
    @Consumes(YamlDocuments.MEDIA_TYPE)
    @Produces({MediaType.APPLICATION_JSON, YamlDocuments.MEDIA_TYPE})
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Write the terms back, as YAML", description = "The same as the JSON PUT, in YAML.")
    public RestResponse<Object> putYaml(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, String body,
            @Context HttpHeaders headers) throws JsonProcessingException {
        return put(clientId, contractId, ifMatch, idempotencyKey, yamlDocuments.read(body), headers);
    }

    @PUT
    @Path("/terms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, YamlDocuments.MEDIA_TYPE})
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Write the terms back",
            description = "If-Match: the ETag of GET .../terms. On a DRAFT contract, replaces the original terms "
                    + "(200). On an ACTIVE or SUSPENDED contract terms change only when both parties approve, so the "
                    + "document raises a change request instead (202, Location of the request): its effectiveFrom "
                    + "(required: the wanted date, not the one read) and reason (required) are the request's, and "
                    + "Idempotency-Key makes a retry safe. TERMINATED or EXPIRED contracts: 409.")
    @APIResponse(responseCode = "200", description = "DRAFT: the terms as written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TermsView.class)))
    @APIResponse(responseCode = "202", description = "ACTIVE or SUSPENDED: a change request was raised (PENDING); "
            + "Location and ETag are the request's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeRequestView.class)))
    @APIResponse(responseCode = "400", description = "Every invalid field, by JSON path (e.g. terms.slas[1].target, "
            + "effectiveFrom)")
    @APIResponse(responseCode = "409", description = "The contract is TERMINATED or EXPIRED, or (running) the "
            + "document changes nothing")
    @APIResponse(responseCode = "412", description = "The terms changed since you read them")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<Object> put(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId, @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "ACTIVE or SUSPENDED contracts: makes a retried proposal safe")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull TermsView document, @Context HttpHeaders headers) {
        String expected = ETags.requireIfMatchTag(ifMatch);
        Contract contract = contracts.require(contractId);
        ContractStatus status = contract.effectiveStatus(LocalDate.now(ZoneOffset.UTC));
        if (status == ContractStatus.ACTIVE || status == ContractStatus.SUSPENDED) {
            Idempotency.Outcome<ChangeRequestView> outcome =
                    changeRequests.proposeFromDocument(contract, expected, document, idempotencyKey);
            ChangeRequestView raised = outcome.response();
            return negotiated(RestResponse.Status.ACCEPTED, raised, headers)
                    .location(ChangeRequestResource.location(clientId, raised))
                    .tag(String.valueOf(raised.version()))
                    .header("Idempotent-Replayed", outcome.replayed()).build();
        }
        TermsView written = terms.replaceDraft(contract, expected, document.terms());
        return document(written, TermsService.etag(terms.latest(contractId)), headers);
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Every version of the terms, oldest first (1 is the original agreement)")
    public List<VersionSummary> versions(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId) {
        contracts.require(contractId);
        return terms.versions(contractId).stream().map(VersionSummary::of).toList();
    }

    @GET
    @Path("/versions/{number}")
    @Produces({MediaType.APPLICATION_JSON, YamlDocuments.MEDIA_TYPE})
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "One version of the terms, as one document")
    @APIResponse(responseCode = "200", description = "The version's terms",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TermsView.class)),
                    @Content(mediaType = YamlDocuments.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "The same document in YAML"))})
    public RestResponse<Object> version(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId, @PathParam("number") String number,
            @Context HttpHeaders headers) {
        Contract contract = contracts.require(contractId);
        ContractVersion version = terms.version(contractId, versionNumber("number", number));
        return document(contract, version, headers);
    }

    @GET
    @Path("/versions/{from}/diff/{to}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "What changed between two versions",
            description = "An RFC 6902 JSON Patch turning the terms of version 'from' into those of version 'to' "
                    + "(paths such as /slas/0/target).")
    @APIResponse(responseCode = "200", description = "The patch; empty when nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = JsonPatchOperation.class)))
    public JsonNode diff(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @PathParam("from") String from, @PathParam("to") String to) {
        contracts.require(contractId);
        return terms.diff(contractId, versionNumber("from", from), versionNumber("to", to));
    }

    @GET
    @Path("/terms-in-force")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.REPORTING_INGEST})
    @Operation(summary = "Terms in force over a date range (for reporting)",
            description = "Consecutive periods covering [from, to] (inclusive, at most 366 days), each with the "
                    + "version in force then: SLA definitions, calendars and the fee that service credits are "
                    + "computed on. An amendment effective mid-range splits it.")
    public InForce inForce(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @Parameter(required = true, description = "YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(required = true, description = "YYYY-MM-DD") @QueryParam("to") String to) {
        Contract contract = contracts.require(contractId);
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ApiException.badRequest("to", "must not be before from");
        }
        if (start.plusDays(366).isBefore(end)) {
            throw ApiException.badRequest("to", "must be at most 366 days after from");
        }
        List<TermsPeriod> periods = terms.inForceBetween(contractId, start, end);
        if (!caller.hasRole(Roles.ACCOUNT_MANAGER) && !caller.hasRole(Roles.CLIENT_MANAGER)
                && !caller.hasRole(Roles.CLIENT_VIEWER)) {
            // the ingest credential checks measurements against the SLAs; fees and credit rules are none of its business
            periods = periods.stream().map(p -> new TermsPeriod(p.from(), p.to(), p.versionNumber(),
                    p.amendmentNumber(), p.terms().withoutCommercialTerms())).toList();
        }
        return new InForce(contract.id, contract.tenantId, contract.reference, contract.currency,
                contract.effectiveStatus(LocalDate.now(ZoneOffset.UTC)), periods);
    }

    /** JSON unless the caller prefers YAML (Accept: application/yaml). */
    private RestResponse<Object> document(TermsView view, String etag, HttpHeaders headers) {
        return negotiated(RestResponse.Status.OK, view, headers).tag(etag).build();
    }

    /** A stored version: JSON straight from storage, YAML through the parsed document. */
    private RestResponse<Object> document(Contract contract, ContractVersion version, HttpHeaders headers) {
        if (wantsYaml(headers)) {
            return document(terms.view(contract, version), TermsService.etag(version), headers);
        }
        return RestResponse.ResponseBuilder.ok((Object) terms.storedView(contract, version).json(),
                        MediaType.APPLICATION_JSON)
                .tag(TermsService.etag(version)).build();
    }

    private static boolean wantsYaml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> YamlDocuments.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype()))
                .orElse(false);
    }

    private RestResponse.ResponseBuilder<Object> negotiated(RestResponse.Status status, Object body,
            HttpHeaders headers) {
        return wantsYaml(headers)
                ? RestResponse.ResponseBuilder.create(status, (Object) yamlDocuments.write(body))
                        .type(YamlDocuments.MEDIA_TYPE)
                : RestResponse.ResponseBuilder.create(status, body).type(MediaType.APPLICATION_JSON);
    }

    private static LocalDate date(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw ApiException.badRequest(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be a date YYYY-MM-DD");
        }
    }

    private static int versionNumber(String name, String raw) {
        return QueryParams.intValue(name, raw, 1, 1, 1_000_000);
    }
}
