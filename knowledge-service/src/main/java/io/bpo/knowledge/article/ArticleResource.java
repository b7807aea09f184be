package io.bpo.knowledge.article;

import io.bpo.kit.http.ETags;
import io.bpo.kit.http.Page;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.security.Roles;
import io.bpo.kit.http.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.ArrayList;
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
    @Operation(summary = "Create an article as a draft",
            description = "The author is the token's subject. Publication goes through review (submit, publish).")
    @APIResponse(responseCode = "201", description = "Created; ETag carries the version for later updates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
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

    @PUT
    @Path("/{articleId}")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Rewrite a draft", description = "Only a DRAFT (a new article or a revision) can be edited;"
            + " a published article is changed by starting a revision. If-Match names the ETag you read.")
    @APIResponse(responseCode = "200", description = "The draft as saved; new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; each one is named")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    @APIResponse(responseCode = "409", description = "The article is not a draft")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ArticleView> update(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId,
            @Parameter(description = "The ETag you read", required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull NewArticle article) {
        return withETag(articles.update(articleId, ETags.requireIfMatch(ifMatch), article));
    }

    @POST
    @Path("/{articleId}/submit")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Submit a draft for review (DRAFT → IN_REVIEW)")
    @APIResponse(responseCode = "200", description = "In review",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    @APIResponse(responseCode = "409", description = "The article is not a draft")
    public RestResponse<ArticleView> submit(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId) {
        return withETag(articles.submit(articleId));
    }

    @POST
    @Path("/{articleId}/send-back")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Send an article in review back to its author (IN_REVIEW → DRAFT)")
    @APIResponse(responseCode = "200", description = "A draft again, with the comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "The comment is missing or too long")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    @APIResponse(responseCode = "409", description = "The article is not in review")
    public RestResponse<ArticleView> sendBack(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId, @Valid @NotNull ReviewComment comment) {
        return withETag(articles.sendBack(articleId, comment.comment()));
    }

    @POST
    @Path("/{articleId}/publish")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Publish an article in review (IN_REVIEW → PUBLISHED)",
            description = "By a reviewer other than the author (one of the article's reviewers when it names some)."
                    + " Freezes a new immutable version; publishing a revision replaces the content of the article"
                    + " it revises, which keeps its id, and removes the revision.")
    @APIResponse(responseCode = "200", description = "The published article (the revised one for a revision)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "403", description = "You are the author, or not one of the article's reviewers")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    @APIResponse(responseCode = "409", description = "The article is not in review")
    public RestResponse<ArticleView> publish(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId) {
        return withETag(articles.publish(articleId));
    }

    @POST
    @Path("/{articleId}/archive")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Archive a published article (PUBLISHED → ARCHIVED)",
            description = "Agents no longer see it; its versions stay readable to managers.")
    @APIResponse(responseCode = "200", description = "Archived",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    @APIResponse(responseCode = "409", description = "Not published, or a revision is in progress")
    public RestResponse<ArticleView> archive(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId) {
        return withETag(articles.archive(articleId));
    }

    @POST
    @Path("/{articleId}/revisions")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Start a new draft from a published article",
            description = "The revision is a draft of its own (revisionOf names the article) carrying the published"
                    + " content; the published version keeps serving until the revision is published.")
    @APIResponse(responseCode = "201", description = "The revision, a DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    @APIResponse(responseCode = "409", description = "Not published, or a revision is already in progress")
    public RestResponse<ArticleView> startRevision(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId) {
        ArticleView revision = articles.startRevision(articleId);
        return RestResponse.ResponseBuilder.<ArticleView>created(URI.create(BASE.formatted(clientId, revision.id())))
                .entity(revision).tag(String.valueOf(revision.version())).build();
    }

    @DELETE
    @Path("/{articleId}")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Discard a revision still in DRAFT", description = "The published article is untouched.")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    @APIResponse(responseCode = "409", description = "Not a revision in DRAFT (published knowledge is archived, not deleted)")
    public void discard(@PathParam("clientId") String clientId, @PathParam("articleId") UUID articleId) {
        articles.discardRevision(articleId);
    }

    @GET
    @Path("/{articleId}/versions")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "The published versions of an article, oldest first")
    @APIResponse(responseCode = "200", description = "Every frozen version, bodies included")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    public List<ArticleVersionView> versions(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId) {
        return articles.versions(articleId);
    }

    @GET
    @Path("/{articleId}/versions/{number}")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "One published version, as it was frozen")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleVersionView.class)))
    @APIResponse(responseCode = "404", description = "No such article or version, or not one you may read")
    public ArticleVersionView version(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId, @PathParam("number") int number) {
        return articles.version(articleId, number);
    }

    @GET
    @Path("/{articleId}/diff")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "What changed between two published versions")
    @APIResponse(responseCode = "200", description = "Changed fields and a unified diff of the body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleDiff.class)))
    @APIResponse(responseCode = "400", description = "from or to is missing or not a positive number")
    @APIResponse(responseCode = "404", description = "No such article or version, or not one you may read")
    public ArticleDiff diff(@PathParam("clientId") String clientId, @PathParam("articleId") UUID articleId,
            @Parameter(description = "Version number", required = true, example = "1") @QueryParam("from") String from,
            @Parameter(description = "Version number", required = true, example = "2") @QueryParam("to") String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int fromNumber = versionNumber("from", from, errors);
        int toNumber = versionNumber("to", to, errors);
        QueryParams.requireNoErrors(errors);
        return articles.diff(articleId, fromNumber, toNumber);
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Published articles past their review-by date, per owner",
            description = "Owners in alphabetical order, each with its overdue articles, the most overdue first.")
    @APIResponse(responseCode = "200", description = "One entry per owner with overdue articles")
    @APIResponse(responseCode = "400", description = "owner is not a user name")
    public List<ArticleService.OwnerOverdue> overdue(@PathParam("clientId") String clientId,
            @Parameter(description = "Only this owner's articles", example = "alice") @QueryParam("owner") String owner) {
        if (owner != null && !owner.matches(Users.PATTERN)) {
            throw ApiException.badRequest("owner", Users.RULE);
        }
        return articles.overdue(owner);
    }

    private static int versionNumber(String name, String raw, List<Problem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new Problem.FieldError(name, "is required: a version number"));
            return 0;
        }
        return QueryParams.intValue(name, raw, 1, 1, Integer.MAX_VALUE);
    }

    private static RestResponse<ArticleView> withETag(ArticleView article) {
        return RestResponse.ResponseBuilder.ok(article).tag(String.valueOf(article.version())).build();
    }
}
