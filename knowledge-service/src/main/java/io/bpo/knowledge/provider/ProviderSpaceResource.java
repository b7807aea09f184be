package io.bpo.knowledge.provider;

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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The provider space through any client its staff serve: the path keeps the gateway's tenant check and access log
 * (who read the provider's methods while acting for which client), and the content is the same for every client.
 */
@Path("/api/v1/clients/{clientId}/knowledge/provider-articles")
@Tag(name = "Provider knowledge", description = "The provider's own methods: readable by provider staff of every"
        + " client, by no client user")
@SecurityRequirement(name = "bearer")
@Authenticated
public class ProviderSpaceResource {
    @Inject
    ProviderSpaceService provider;

    @POST
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "Write a provider article, as a draft")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProviderArticleView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; each one is named")
    @APIResponse(responseCode = "403", description = "Not provider staff allowed to write, or the client is not in your token")
    public RestResponse<ProviderArticleView> create(@PathParam("clientId") String clientId,
            @Valid @NotNull NewProviderArticle article) {
        ProviderArticleView created = provider.create(article);
        return RestResponse.ResponseBuilder.<ProviderArticleView>created(URI.create(
                "/api/v1/clients/" + clientId + "/knowledge/provider-articles/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "List provider articles (agents: published ones), oldest first, at most 200")
    @APIResponse(responseCode = "200", description = "The articles")
    @APIResponse(responseCode = "403", description = "Client users never read the provider space")
    public List<ProviderArticleView> list(@PathParam("clientId") String clientId) {
        return provider.list();
    }

    @GET
    @Path("/{articleId}")
    @RolesAllowed({Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "Read a provider article")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProviderArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article, or a draft and you are an agent")
    public ProviderArticleView get(@PathParam("clientId") String clientId, @PathParam("articleId") UUID articleId) {
        return provider.get(articleId);
    }

    @POST
    @Path("/{articleId}/publish")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.PROVIDER_ADMIN})
    @Operation(summary = "Publish a provider draft, by someone other than its author")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProviderArticleView.class)))
    @APIResponse(responseCode = "403", description = "You are its author")
    @APIResponse(responseCode = "409", description = "Not a draft")
    public ProviderArticleView publish(@PathParam("clientId") String clientId, @PathParam("articleId") UUID articleId) {
        return provider.publish(articleId);
    }
}
