package io.bpo.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.portal.gateway.GatewayApi;
import io.bpo.portal.web.Ids;
import io.bpo.portal.web.Page;
import io.bpo.portal.web.Viewer;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import io.bpo.portal.gateway.Parallel;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One client's pages: its home (this month's SLAs, deadlines, change requests awaiting the viewer's side, the
 * latest monthly review), a contract (terms in force, versions, change requests) and a change request (the diff
 * side by side, approve or reject). Client users see their own client; provider staff each client of their
 * portfolio. The gateway decides: a client the user may not see answers 403 and the refusal page is shown.
 */
@Path("/clients/{clientId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ClientPages {
    @Inject
    @RestClient
    GatewayApi gateway;
    @Inject
    Viewer viewer;
    @Inject
    Page page;
    @Inject
    Clock clock;
    @Inject
    Parallel parallel;
    @Inject
    Template clientHome;
    @Inject
    Template contract;
    @Inject
    Template changeRequest;

    @GET
    public TemplateInstance home(@PathParam("clientId") String clientId) {
        Ids.requireClient(clientId);
        YearMonth month = YearMonth.now(clock);
        // the calls that do not depend on each other go out together: the page waits for the slowest, not the sum
        CompletableFuture<JsonNode> client = parallel.call(() -> gateway.client(clientId));
        CompletableFuture<JsonNode> deadlines = parallel.call(() -> gateway.deadlines(clientId));
        JsonNode contracts = gateway.contracts(clientId, 50).path("items");
        List<JsonNode> activeContracts = new ArrayList<>();
        List<CompletableFuture<JsonNode>> compliance = new ArrayList<>();
        List<CompletableFuture<JsonNode>> pending = new ArrayList<>();
        for (JsonNode c : contracts) {
            if ("ACTIVE".equals(c.path("status").asText())) {
                String contractId = c.path("id").asText();
                activeContracts.add(c);
                compliance.add(parallel.call(() -> gateway.compliance(clientId, contractId, month.toString())));
                pending.add(parallel.call(() -> gateway.changeRequests(clientId, contractId, "PENDING")));
            }
        }
        List<Object> active = new ArrayList<>();
        List<Object> awaiting = new ArrayList<>();
        for (int i = 0; i < activeContracts.size(); i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("contract", page.data(activeContracts.get(i)));
            line.put("compliance", page.data(Parallel.join(compliance.get(i))));
            active.add(line);
            for (JsonNode cr : Parallel.join(pending.get(i)).path("items")) {
                if (awaitsViewer(cr)) {
                    awaiting.add(page.data(cr));
                }
            }
        }
        return page.of(clientHome)
                .data("client", page.data(Parallel.join(client)))
                .data("month", month.toString())
                .data("reviewMonth", month.minusMonths(1).toString())
                .data("contracts", page.data(contracts))
                .data("active", active)
                .data("awaiting", awaiting)
                .data("deadlines", page.data(Parallel.join(deadlines)));
    }

    @GET
    @Path("/contracts/{contractId}")
    public TemplateInstance contract(@PathParam("clientId") String clientId,
            @PathParam("contractId") String contractId, @QueryParam("done") String done) {
        Ids.requireClient(clientId);
        Ids.requireUuid(contractId);
        String reviewMonth = YearMonth.now(clock).minusMonths(1).toString();
        JsonNode statement = statementOrNull(clientId, contractId, reviewMonth);
        return page.of(contract)
                .data("clientId", clientId)
                .data("contract", page.data(gateway.contract(clientId, contractId)))
                .data("terms", page.data(gateway.terms(clientId, contractId)))
                .data("versions", page.data(gateway.versions(clientId, contractId)))
                .data("changeRequests", page.data(gateway.changeRequests(clientId, contractId, null).path("items")))
                .data("reviewMonth", reviewMonth)
                .data("statement", page.data(statement))
                .data("mayAccept", viewer.decides() && !acceptedBy(statement, viewer.side()))
                .data("done", done);
    }

    @GET
    @Path("/contracts/{contractId}/change-requests/{changeRequestId}")
    public TemplateInstance changeRequest(@PathParam("clientId") String clientId,
            @PathParam("contractId") String contractId, @PathParam("changeRequestId") String changeRequestId) {
        Ids.requireClient(clientId);
        Ids.requireUuid(contractId);
        Ids.requireUuid(changeRequestId);
        JsonNode cr = gateway.changeRequest(clientId, contractId, changeRequestId);
        JsonNode base = gateway.version(clientId, contractId, cr.path("baseVersionNumber").asInt()).path("terms");
        return page.of(changeRequest)
                .data("clientId", clientId)
                .data("contract", page.data(gateway.contract(clientId, contractId)))
                .data("cr", page.data(cr))
                .data("changes", TermsDiff.sideBySide(base, cr.path("diff")))
                .data("mayDecide", viewer.decides() && awaitsViewer(cr));
    }

    @POST
    @Path("/contracts/{contractId}/change-requests/{changeRequestId}/{decision: approve|reject}")
    public Response decide(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @PathParam("changeRequestId") String changeRequestId, @PathParam("decision") String decision,
            @FormParam("version") long version, @FormParam("comment") String comment) {
        Ids.requireClient(clientId);
        Ids.requireUuid(contractId);
        Ids.requireUuid(changeRequestId);
        ObjectNode note = JsonNodeFactory.instance.objectNode();
        if (comment != null && !comment.isBlank()) {
            note.put("comment", comment.strip());
        }
        gateway.decide(clientId, contractId, changeRequestId, decision, "\"" + version + "\"", note);
        // after a POST, a GET: reloading the page does not decide twice
        return Response.seeOther(URI.create("/clients/" + clientId + "/contracts/" + contractId + "?done=" + decision))
                .build();
    }

    /** The viewer's side accepts last month's statement (the first acceptance computes it, the second freezes it). */
    @POST
    @Path("/contracts/{contractId}/statements/{month: [0-9]{4}-[0-9]{2}}/accept")
    public Response acceptStatement(@PathParam("clientId") String clientId,
            @PathParam("contractId") String contractId, @PathParam("month") String month) {
        Ids.requireClient(clientId);
        Ids.requireUuid(contractId);
        gateway.acceptStatement(clientId, contractId, month);
        return Response.seeOther(URI.create("/clients/" + clientId + "/contracts/" + contractId + "?done=accept"))
                .build();
    }

    /** A month no one has accepted yet has no statement (404): that is a state, not a refusal. */
    private JsonNode statementOrNull(String clientId, String contractId, String month) {
        try {
            return gateway.statement(clientId, contractId, month);
        } catch (ClientWebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static boolean acceptedBy(JsonNode statement, String side) {
        if (statement == null || side == null) {
            return false;
        }
        JsonNode acceptance = statement.path(side.equals("CLIENT") ? "client" : "provider");
        return !acceptance.isMissingNode() && !acceptance.isNull();
    }

    /**
     * The monthly review as the reporting service writes it (PDF or CSV), passed through in the viewer's language;
     * the file name is the service's.
     */
    @GET
    @Path("/contracts/{contractId}/reports/{month: [0-9]{4}-[0-9]{2}}.{format: pdf|csv}")
    @Produces({"application/pdf", "text/csv"})
    public Response report(@PathParam("clientId") String clientId, @PathParam("contractId") String contractId,
            @PathParam("month") String month, @PathParam("format") String format) {
        Ids.requireClient(clientId);
        Ids.requireUuid(contractId);
        String type = format.equals("pdf") ? "application/pdf" : "text/csv";
        Response upstream = gateway.report(clientId, contractId, month, type, viewer.lang());
        byte[] body = upstream.readEntity(byte[].class);
        Response.ResponseBuilder answer = Response.ok(body, upstream.getMediaType());
        String disposition = upstream.getHeaderString("Content-Disposition");
        if (disposition != null) {
            answer.header("Content-Disposition", disposition);
        }
        return answer.build();
    }

    /** Pending, and the viewer's side (the client's for client users, the provider's for staff) has not decided. */
    private boolean awaitsViewer(JsonNode cr) {
        String side = viewer.watchedSide();
        if (side == null || !"PENDING".equals(cr.path("status").asText())) {
            return false;
        }
        String decision = side.equals("CLIENT") ? "clientDecision" : "providerDecision";
        return cr.path(decision).isMissingNode() || cr.path(decision).isNull();
    }
}
