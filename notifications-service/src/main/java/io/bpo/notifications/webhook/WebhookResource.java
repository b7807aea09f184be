package io.bpo.notifications.webhook;

import io.bpo.kit.http.Cursor;
import io.bpo.kit.http.Page;
import io.bpo.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** A client's webhooks: managed by its client managers and its account managers. */
@Path("/api/v1/clients/{clientId}/webhooks")
@Tag(name = "Webhooks")
@RolesAllowed({Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER})
public class WebhookResource {
    @Inject
    WebhookService webhooks;

    @POST
    @Operation(summary = "Subscribe a receiver to event types",
            description = "Payloads are signed per the Standard Webhooks specification with the returned secret, "
                    + "shown only in this answer.")
    @APIResponse(responseCode = "201", description = "Webhook created; the answer holds its signing secret")
    public RestResponse<WebhookViews.Webhook> create(@RestPath String clientId,
            @Valid @NotNull WebhookViews.NewWebhook request) {
        WebhookViews.Webhook created = webhooks.create(request);
        return RestResponse.ResponseBuilder.<WebhookViews.Webhook>created(URI.create(created.id().toString()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "The client's webhooks")
    public List<WebhookViews.Webhook> list(@RestPath String clientId) {
        return webhooks.list();
    }

    @GET
    @Path("/{id}")
    public WebhookViews.Webhook get(@RestPath String clientId, @RestPath UUID id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted with its delivery log")
    public void delete(@RestPath String clientId, @RestPath UUID id) {
        webhooks.delete(id);
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled webhook: its pending deliveries are sent, in order")
    public WebhookViews.Webhook enable(@RestPath String clientId, @RestPath UUID id) {
        return webhooks.enable(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first")
    public Page<WebhookViews.Delivery> deliveries(@RestPath String clientId, @RestPath UUID id,
            @RestQuery String cursor, @RestQuery @Min(1) @Max(Cursor.MAX_LIMIT) Integer limit) {
        return webhooks.deliveries(id, cursor, Cursor.limit(limit));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a past delivery's event again (same webhook-id and body), after what is pending")
    @APIResponse(responseCode = "202", description = "Queued")
    public RestResponse<WebhookViews.Delivery> redeliver(@RestPath String clientId, @RestPath UUID id,
            @RestPath UUID deliveryId) {
        return RestResponse.accepted(webhooks.redeliver(id, deliveryId));
    }
}
