package io.bpo.portal.home;

import io.bpo.portal.gateway.GatewayApi;
import io.bpo.portal.web.Language;
import io.bpo.portal.web.Page;
import io.bpo.portal.web.Viewer;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The start page of each role, the account manager's portfolio, the provider admin's client registry. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {
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
    Template portfolio;
    @Inject
    Template clients;
    @Inject
    Template nothing;
    @Inject
    Template signedOut;

    /** Each role lands where its work is. */
    @GET
    @Authenticated
    public Response home() {
        String target;
        if (viewer.isAccountManager()) {
            target = "/portfolio";
        } else if (viewer.isAuditor()) {
            target = "/audit";
        } else if (viewer.isProviderAdmin()) {
            target = "/admin/clients";
        } else if (viewer.isClientSide() || viewer.isAgent()) {
            List<String> ids = viewer.clientIds();
            if (ids.isEmpty()) {
                return Response.ok(page.of(nothing).render()).build();
            }
            target = "/clients/" + ids.get(0) + (viewer.isAgent() && !viewer.isClientSide() ? "/knowledge" : "");
        } else {
            return Response.ok(page.of(nothing).render()).build();
        }
        return Response.seeOther(URI.create(target)).build();
    }

    @GET
    @Path("portfolio")
    @RolesAllowed({Viewer.ACCOUNT_MANAGER, Viewer.CLIENT_MANAGER})
    public TemplateInstance portfolio(@QueryParam("month") String month) {
        YearMonth shown = parseMonth(month, YearMonth.now(clock));
        return page.of(portfolio)
                .data("month", shown.toString())
                .data("previous", shown.minusMonths(1).toString())
                .data("next", shown.plusMonths(1).toString())
                .data("portfolio", page.data(gateway.portfolioOfAll(shown.toString())));
    }

    @GET
    @Path("admin/clients")
    @RolesAllowed(Viewer.PROVIDER_ADMIN)
    public TemplateInstance clients() {
        return page.of(clients).data("clients", page.data(gateway.clients(200).path("items")));
    }

    /**
     * The language switch: remembered for a year in a cookie, then back to the page it was used on. Only a path
     * of this site is followed, never another site's address.
     */
    @GET
    @Path("lang")
    public Response language(@QueryParam("l") String tag, @QueryParam("back") String back) {
        Locale chosen = Language.supported(tag);
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back : "/";
        Response.ResponseBuilder answer = Response.seeOther(URI.create(target));
        if (chosen != null) {
            answer.cookie(new NewCookie.Builder(Language.COOKIE).value(chosen.getLanguage()).path("/")
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build());
        }
        return answer.build();
    }

    /** Where the identity provider sends the browser back after signing out. */
    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return page.of(signedOut);
    }

    static YearMonth parseMonth(String month, YearMonth otherwise) {
        try {
            return month == null || month.isBlank() ? otherwise : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException malformed) {
            return otherwise;
        }
    }
}
