package io.bpo.portal.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.bpo.portal.gateway.GatewayApi;
import io.bpo.portal.web.Ids;
import io.bpo.portal.web.Page;
import io.bpo.portal.web.Viewer;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A client's knowledge base: search first (accents ignored, snippets highlighted by the knowledge service), then
 * reading an article and, for agents, acknowledging it and the list of what awaits their acknowledgement.
 */
@Path("/clients/{clientId}/knowledge")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class KnowledgePages {
    @Inject
    @RestClient
    GatewayApi gateway;
    @Inject
    Viewer viewer;
    @Inject
    Page page;
    @Inject
    Template knowledge;
    @Inject
    Template article;

    /**
     * The search page; an htmx request (typing in the box) gets only the results, to swap in place.
     */
    @GET
    public TemplateInstance search(@PathParam("clientId") String clientId, @QueryParam("q") String q,
            @QueryParam("language") String language, @HeaderParam("HX-Request") String htmx) {
        Ids.requireClient(clientId);
        String query = q == null ? "" : q.strip();
        String lang = language == null || !List.of("fr", "en").contains(language) ? null : language;
        Object results = query.isEmpty() ? null : page.data(gateway.search(clientId, query, lang, 1));
        if ("true".equals(htmx)) {
            return page.of(knowledge.getFragment("results")).data("clientId", clientId).data("results", results);
        }
        TemplateInstance instance = page.of(knowledge)
                .data("clientId", clientId)
                .data("q", query)
                .data("language", lang)
                .data("results", results);
        Object pending = viewer.isAgent() ? page.data(gateway.pendingAcknowledgements(clientId)) : null;
        Object recent = query.isEmpty() && !viewer.isAgent()
                ? page.data(gateway.articles(clientId, "PUBLISHED", 20).path("items")) : null;
        return instance.data("pending", pending).data("recent", recent);
    }

    @GET
    @Path("/articles/{articleId}")
    public TemplateInstance read(@PathParam("clientId") String clientId, @PathParam("articleId") String articleId,
            @QueryParam("acknowledged") String acknowledged) {
        Ids.requireClient(clientId);
        Ids.requireUuid(articleId);
        JsonNode view = gateway.article(clientId, articleId);
        boolean pending = false;
        if (viewer.isAgent()) {
            for (JsonNode line : gateway.pendingAcknowledgements(clientId)) {
                pending |= articleId.equals(line.path("articleId").asText());
            }
        }
        return page.of(article)
                .data("clientId", clientId)
                .data("article", page.data(view))
                .data("body", Markdown.toHtml(view.path("body").asText("")))
                .data("pending", pending)
                .data("acknowledged", acknowledged != null);
    }

    @POST
    @Path("/articles/{articleId}/acknowledge")
    @RolesAllowed(Viewer.AGENT)
    public Response acknowledge(@PathParam("clientId") String clientId, @PathParam("articleId") String articleId) {
        Ids.requireClient(clientId);
        Ids.requireUuid(articleId);
        gateway.acknowledge(clientId, articleId);
        return Response.seeOther(URI.create("/clients/" + clientId + "/knowledge/articles/" + articleId
                + "?acknowledged=1")).build();
    }
}
