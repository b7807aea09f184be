package io.bpo.knowledge.question;

import io.bpo.knowledge.article.ArticleView;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients/{clientId}/knowledge")
@Tag(name = "Knowledge questions", description = "Agents ask on an article, the client answers, answers become FAQs")
@SecurityRequirement(name = "bearer")
@Authenticated
public class QuestionResource {
    @Inject
    QuestionService questions;

    @POST
    @Path("/articles/{articleId}/questions")
    @RolesAllowed({Roles.AGENT, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Ask a question on an article you may read")
    @APIResponse(responseCode = "201", description = "Asked, OPEN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(responseCode = "400", description = "The text is missing or too long")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    public RestResponse<QuestionView> ask(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId, @Valid @NotNull QuestionText question) {
        QuestionView asked = questions.ask(articleId, question.text());
        return RestResponse.ResponseBuilder.<QuestionView>created(URI.create(
                "/api/v1/clients/" + clientId + "/knowledge/questions/" + asked.id())).entity(asked).build();
    }

    @GET
    @Path("/articles/{articleId}/questions")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "Questions on an article, oldest first")
    @APIResponse(responseCode = "200", description = "The questions")
    @APIResponse(responseCode = "404", description = "No such article for this client, or not one you may read")
    public List<QuestionView> onArticle(@PathParam("clientId") String clientId,
            @PathParam("articleId") UUID articleId) {
        return questions.onArticle(articleId);
    }

    @GET
    @Path("/questions")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER, Roles.AGENT})
    @Operation(summary = "Questions on the articles you may read, oldest first (at most 200)")
    @APIResponse(responseCode = "200", description = "The questions")
    @APIResponse(responseCode = "400", description = "status is neither OPEN nor ANSWERED")
    public List<QuestionView> list(@PathParam("clientId") String clientId,
            @Parameter(description = "OPEN or ANSWERED", schema = @Schema(enumeration = {"OPEN", "ANSWERED"}))
            @QueryParam("status") String status) {
        if (status != null && !status.equals(Question.OPEN) && !status.equals(Question.ANSWERED)) {
            throw ApiException.badRequest("status", "must be OPEN or ANSWERED");
        }
        return questions.list(status);
    }

    @POST
    @Path("/questions/{questionId}/answer")
    @RolesAllowed(Roles.CLIENT_MANAGER)
    @Operation(summary = "Answer a question (the client side)")
    @APIResponse(responseCode = "200", description = "ANSWERED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(responseCode = "400", description = "The answer is missing or too long")
    @APIResponse(responseCode = "404", description = "No such question for this client")
    @APIResponse(responseCode = "409", description = "Already answered")
    public QuestionView answer(@PathParam("clientId") String clientId, @PathParam("questionId") UUID questionId,
            @Valid @NotNull AnswerText answer) {
        return questions.answer(questionId, answer.answer());
    }

    @POST
    @Path("/questions/{questionId}/faq")
    @RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Turn an answered question into a FAQ draft",
            description = "The draft takes the article's language, tags and classification; it is reviewed and"
                    + " published like any article.")
    @APIResponse(responseCode = "201", description = "The FAQ draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such question for this client")
    @APIResponse(responseCode = "409", description = "Not answered yet, or already a FAQ")
    public RestResponse<ArticleView> toFaq(@PathParam("clientId") String clientId,
            @PathParam("questionId") UUID questionId) {
        ArticleView faq = questions.toFaq(questionId);
        return RestResponse.ResponseBuilder.<ArticleView>created(URI.create(
                "/api/v1/clients/" + clientId + "/knowledge/articles/" + faq.id())).entity(faq).build();
    }
}
