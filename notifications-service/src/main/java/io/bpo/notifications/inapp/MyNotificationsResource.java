package io.bpo.notifications.inapp;

import io.bpo.kit.http.Cursor;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The caller's own notifications: nobody reads another person's, whatever their role. */
@Path("/api/v1/me/notifications")
@Tag(name = "My notifications")
@Authenticated
public class MyNotificationsResource {
    @Inject
    NotificationService notifications;

    @GET
    @Operation(summary = "My notifications, newest first, from every client I belong to")
    public NotificationPage list(@RestQuery boolean unread, @RestQuery String cursor,
            @RestQuery @Min(1) @Max(Cursor.MAX_LIMIT) Integer limit) {
        return notifications.mine(unread, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    public Map<String, Long> unreadCount() {
        return Map.of("unreadCount", notifications.unreadCount());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    @APIResponse(responseCode = "404", description = "No such notification of mine")
    public NotificationView markRead(@RestPath UUID id) {
        return notifications.markRead(id);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all my notifications read")
    public Map<String, Long> markAllRead() {
        return Map.of("marked", notifications.markAllRead());
    }
}
