package io.bpo.portal.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.portal.gateway.GatewayApi;
import io.bpo.portal.web.Ids;
import io.bpo.portal.web.Page;
import io.bpo.portal.web.Viewer;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

/**
 * Raising a change request: the complete proposed terms as JSON (the terms in force to start from), a reason and an
 * effective date. What the contracts service refuses comes back on the same form, each error at its path.
 */
@Path("/clients/{clientId}/contracts/{contractId}/change-requests/new")
@RolesAllowed({Viewer.ACCOUNT_MANAGER, Viewer.CLIENT_MANAGER})
@Produces(MediaType.TEXT_HTML)
public class ChangeRequestForm {
    @Inject
    @RestClient
    GatewayApi gateway;
    @Inject
    Page page;
    @Inject
    ObjectMapper mapper;
    @Inject
    Template raiseChangeRequest;

    @GET
    public TemplateInstance form(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId) {
        Ids.requireClient(clientId);
        Ids.requireUuid(contractId);
        JsonNode terms = gateway.terms(clientId, contractId).path("terms");
        return render(clientId, contractId, "", LocalDate.now(ZoneOffset.UTC).toString(), terms.toPrettyString(),
                List.of());
    }

    @POST
    public Response raise(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @FormParam("reason") String reason, @FormParam("effectiveFrom") String effectiveFrom,
            @FormParam("terms") String terms) {
        Ids.requireClient(clientId);
        Ids.requireUuid(contractId);
        ObjectNode body = mapper.createObjectNode();
        body.put("reason", reason == null ? "" : reason.strip());
        body.put("effectiveFrom", effectiveFrom);
        try {
            body.set("terms", mapper.readTree(terms == null ? "" : terms));
        } catch (JsonProcessingException e) {
            return invalid(clientId, contractId, reason, effectiveFrom, terms,
                    List.of("terms: not JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        }
        try {
            JsonNode created = gateway.raise(clientId, contractId, UUID.randomUUID().toString(), body);
            return Response.seeOther(URI.create("/clients/" + clientId + "/contracts/" + contractId
                    + "/change-requests/" + created.path("id").asText())).build();
        } catch (ClientWebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status != 400 && status != 422 && status != 409) {
                throw e;
            }
            return invalid(clientId, contractId, reason, effectiveFrom, terms, errors(e));
        }
    }

    private Response invalid(String clientId, String contractId, String reason, String effectiveFrom, String terms,
            List<String> errors) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(clientId, contractId, reason, effectiveFrom, terms, errors).render()).build();
    }

    private TemplateInstance render(String clientId, String contractId, String reason, String effectiveFrom,
            String terms, List<String> errors) {
        return page.of(raiseChangeRequest)
                .data("clientId", clientId)
                .data("contractId", contractId)
                .data("reason", reason == null ? "" : reason)
                .data("effectiveFrom", effectiveFrom == null ? "" : effectiveFrom)
                .data("terms", terms == null ? "" : terms)
                .data("errors", errors);
    }

    /** The problem's field errors ("terms.slas[0].target: must be..."), or its detail when it lists none. */
    private List<String> errors(ClientWebApplicationException e) {
        List<String> errors = new ArrayList<>();
        try {
            JsonNode problem = mapper.readTree(e.getResponse().readEntity(String.class));
            for (JsonNode error : problem.path("errors")) {
                errors.add(error.path("field").asText() + ": " + error.path("reason").asText());
            }
            if (errors.isEmpty()) {
                errors.add(problem.path("detail").asText(problem.path("title").asText("")));
            }
        } catch (JsonProcessingException | RuntimeException unreadable) {
            errors.add("HTTP " + e.getResponse().getStatus());
        }
        return errors;
    }
}
