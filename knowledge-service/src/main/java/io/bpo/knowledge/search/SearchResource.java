package io.bpo.knowledge.search;

import io.bpo.knowledge.article.ArticleFilter;
import io.bpo.knowledge.article.ArticleStatus;
import io.bpo.knowledge.article.ArticleType;
import io.bpo.knowledge.article.Classification;
import io.bpo.kit.http.QueryParams;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clients/{clientId}/knowledge/search")
@Tag(name = "Knowledge search", description = "Full-text search in each article's language, ranked, with highlights")
@SecurityRequirement(name = "bearer")
@Authenticated
public class SearchResource {
    public static final int MAX_SIZE = 50;

    @Inject
    SearchService search;

    @GET
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "Search the client's articles",
            description = "Words are stemmed and accents ignored (French and English; other languages unstemmed):"
                    + " \"facturé\" finds \"facturation\". Web-search syntax: \"quoted phrase\", or, -excluded."
                    + " Best match first (title > tags > body). Only articles you may read: agents search published"
                    + " ones, and RESTRICTED articles only when they name you or your role.")
    @APIResponse(responseCode = "200", description = "One page of hits",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SearchResults.class)))
    @APIResponse(responseCode = "400", description = "q is missing or too long, or a filter or paging parameter is"
            + " invalid; each is named")
    @APIResponse(responseCode = "403", description = "Your role may not read knowledge, or your token does not list"
            + " this client")
    public SearchResults search(@PathParam("clientId") String clientId,
            @Parameter(description = "What to look for, 1-200 characters", required = true, example = "facturé")
            @QueryParam("q") String q,
            @Parameter(description = "Language of the query and of the articles to search (BCP-47); absent:"
                    + " every language", example = "fr") @QueryParam("language") String language,
            @Parameter(description = "Article type", schema = @Schema(implementation = ArticleType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Articles carrying this tag", example = "billing") @QueryParam("tag") String tag,
            @Parameter(description = "Classification", schema = @Schema(implementation = Classification.class))
            @QueryParam("classification") String classification,
            @Parameter(description = "Workflow status", schema = @Schema(implementation = ArticleStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "1-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "hits per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "50", defaultValue = "10")) @QueryParam("size") String size) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", "is required: the words to search for");
        }
        if (q.length() > 200) {
            throw ApiException.badRequest("q", "must be at most 200 characters");
        }
        ArticleFilter filter = ArticleFilter.of(type, status, language, tag, classification);
        return search.search(q, filter, QueryParams.intValue("page", page, 1, 1, 500),
                QueryParams.intValue("size", size, 10, 1, MAX_SIZE));
    }
}
