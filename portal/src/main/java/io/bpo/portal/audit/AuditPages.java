package io.bpo.portal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.bpo.portal.gateway.GatewayApi;
import io.bpo.portal.web.Page;
import io.bpo.portal.web.Viewer;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The auditor's pages: the access log with filters, and the verification of its hash chains. */
@Path("/audit")
@RolesAllowed(Viewer.AUDITOR)
@Produces(MediaType.TEXT_HTML)
public class AuditPages {
    static final List<String> OUTCOMES = List.of("ALLOWED", "ALLOWED_CROSS_TENANT", "DENIED_UNAUTHENTICATED",
            "DENIED_TENANT", "DENIED_ROLE", "RATE_LIMITED", "REJECTED_NOT_FOUND", "REJECTED_INVALID",
            "REJECTED_TOO_LARGE", "UPSTREAM_ERROR", "CLIENT_ABORTED", "GATEWAY_ERROR");

    @Inject
    @RestClient
    GatewayApi gateway;
    @Inject
    Page page;
    @Inject
    Template audit;
    @Inject
    Template verification;

    @GET
    public TemplateInstance accessLog(@QueryParam("clientId") String clientId, @QueryParam("subject") String subject,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor) {
        String fromInstant = dayStart(from, 0);
        String toInstant = dayStart(to, 1);
        return page.of(audit)
                .data("filters", new Filters(blank(clientId), blank(subject), blank(outcome), blank(from), blank(to)))
                .data("outcomes", OUTCOMES)
                .data("log", page.data(gateway.accessLog(blank(clientId), blank(subject), blank(outcome), fromInstant,
                        toInstant, 50, blank(cursor))));
    }

    @GET
    @Path("/verify")
    public TemplateInstance verify() {
        JsonNode report = gateway.verify();
        long broken = 0;
        for (JsonNode chain : report.path("chains")) {
            broken += chain.path("valid").asBoolean() ? 0 : 1;
        }
        return page.of(verification).data("report", page.data(report)).data("broken", broken);
    }

    /** What the form shows back. */
    public record Filters(String clientId, String subject, String outcome, String from, String to) {
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A day picked in the form (YYYY-MM-DD) as the UTC instant starting it, plus days; null when absent. */
    static String dayStart(String day, int plusDays) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        } catch (DateTimeParseException malformed) {
            return day; // the gateway names what is wrong with it (400, shown on the refusal page)
        }
    }
}
