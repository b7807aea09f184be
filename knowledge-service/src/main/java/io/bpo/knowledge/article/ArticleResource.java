package io.bpo.knowledge.article;

import io.bpo.kit.http.Page;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.security.Roles;
import io.bpo.kit.http.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
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

@Path("/api/v1/clients/{clientId}/knowledge/articles")
@Tag(name = "Knowledge articles", description = "Procedures, FAQs, manuals, guides, policies and wiki pages a client"
        + " transfers to the provider")
@SecurityRequirement(name = "bearer")
@Authenticated
public class ArticleResource {
    private static final String BASE = "/api/v1/clients/%s/knowledge/articles/%s";

    @Inject
    ArticleService articles;

    @POST
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Create an article, as a draft or published",
            description = "The author is the token's subject. Status DRAFT (default) or PUBLISHED only.")
    @APIResponse(responseCode = "201", description = "Created; ETag carries the version for later updates",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; each one is named")
    @APIResponse(responseCode = "403", description = "Your role may not write articles, or your token does not list this client")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public RestResponse<ArticleView> create(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes a retried create safe: a replay returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewArticle article) {
        Idempotency.Outcome<ArticleView> outcome = articles.create(article, idempotencyKey);
        ArticleView created = outcome.response();
        return RestResponse.ResponseBuilder.<ArticleView>created(URI.create(BASE.formatted(clientId, created.id())))
                .entity(created).tag(String.valueOf(created.version()))
                .header("Idempotent-Replayed", outcome.replayed()).build();
    }

    @GET
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "List the client's articles, oldest first, without their bodies",
            description = "Filters combine with AND. Agents see published articles only.")
    @APIResponse(responseCode = "200", description = "One page; nextCursor is null on the last")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid; it is named")
    public Page<ArticleSummary> list(@PathParam("clientId") String clientId,
            @Parameter(description = "Article type", schema = @Schema(implementation = ArticleType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Workflow status", schema = @Schema(implementation = ArticleStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "BCP-47 language tag, matched exactly (en does not match en-GB)", example = "fr")
            @QueryParam("language") String language,
            @Parameter(description = "Articles carrying this tag", example = "billing") @QueryParam("tag") String tag,
            @Parameter(description = "Classification", schema = @Schema(implementation = Classification.class))
            @QueryParam("classification") String classification,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit) {
        ArticleFilter filter = ArticleFilter.of(type, status, language, tag, classification);
        return articles.list(filter, cursor, QueryParams.limit(limit));
    }

    @GET
    @Path("/{articleId}")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "Get an article with its body")
    @APIResponse(responseCode = "200", description = "The article; ETag carries its version")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    public RestResponse<ArticleView> get(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId) {
        ArticleView article = articles.get(articleId);
        return RestResponse.ResponseBuilder.ok(article).tag(String.valueOf(article.version())).build();
    }
}
