package io.bpo.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.portal.gateway.BearerTokenFilter;
import io.quarkus.logging.Log;
import io.quarkus.qute.Template;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a page shows when the gateway refuses or fails a call: a page that says so in the user's language, with
 * the gateway's status and request id, and nothing else (no partial page, so never data the call was not allowed
 * to return).
 */
public class RefusalPages {
    @Inject
    Template refused;
    @Inject
    Page page;
    @Inject
    ObjectMapper mapper;

    /** The gateway answered 4xx or 5xx. */
    @ServerExceptionMapper
    public Response gatewayRefused(ClientWebApplicationException e) {
        Response upstream = e.getResponse();
        int status = upstream.getStatus();
        JsonNode problem = problem(upstream);
        Log.debugf("gateway answered %d: %s", status, problem);
        // the portal's own answer: 401/403/404/409/412 as they are, anything else as a bad gateway
        int shown = switch (status) {
            case 400, 401, 403, 404, 409, 412, 422, 429 -> status;
            case 503 -> 503;
            default -> 502;
        };
        return render(shown, problem);
    }

    /** The gateway could not be reached at all. */
    @ServerExceptionMapper
    public Response gatewayUnreachable(ProcessingException e) {
        Log.warnf("gateway unreachable: %s", e.getMessage());
        return render(503, null);
    }

    @ServerExceptionMapper
    public Response notSignedIn(BearerTokenFilter.NotSignedInException e) {
        return render(401, null);
    }

    /** A page of another role (the portal's own @RolesAllowed): the same refusal page as the gateway's. */
    @ServerExceptionMapper
    public Response roleRefused(io.quarkus.security.ForbiddenException e) {
        return render(403, null);
    }

    /** The portal's own 404 (an unknown page or a malformed id in its URL). */
    @ServerExceptionMapper
    public Response portalRefused(WebApplicationException e) {
        if (e instanceof ClientWebApplicationException client) {
            return gatewayRefused(client);
        }
        int status = e.getResponse().getStatus();
        if (status < 400 || status == 401) {
            return e.getResponse();
        }
        return render(status, null);
    }

    private Response render(int status, JsonNode problem) {
        List<String> errors = new ArrayList<>();
        if (problem != null) {
            for (JsonNode error : problem.path("errors")) {
                errors.add(error.path("field").asText() + ": " + error.path("reason").asText());
            }
        }
        // no gateway call from here: the refusal may be rendered on an I/O thread, and must not fail in turn
        String html = page.of(refused)
                .data("clientLinks", false)
                .data("status", status)
                .data("detail", problem == null ? null : problem.path("detail").asText(null))
                .data("errors", errors)
                .data("requestId", problem == null ? null : problem.path("requestId").asText(null))
                .render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private JsonNode problem(Response upstream) {
        try {
            if (upstream.hasEntity()) {
                String body = upstream.readEntity(String.class);
                return body == null || body.isBlank() ? null : mapper.readTree(body);
            }
        } catch (Exception unreadable) { // a body that is not JSON: the status says enough
            Log.debugf("unreadable problem body: %s", unreadable.getMessage());
        }
        return null;
    }
}
