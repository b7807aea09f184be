package io.bpo.notifications.recipient;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/notification-preferences")
@Tag(name = "My notifications")
@Authenticated
public class PreferencesResource {
    @Inject
    PreferencesService preferences;

    @GET
    @Operation(summary = "My notification preferences",
            description = "Every event type that concerns one of my roles, with the channels that reach me; "
                    + "chosen is false where my role's default applies.")
    public Preferences mine() {
        return preferences.mine();
    }

    @PUT
    @Operation(summary = "Choose channels per event type and my e-mail language",
            description = "Listed event types are set; the others keep their current choice.")
    public Preferences choose(@Valid @NotNull Preferences wanted) {
        return preferences.choose(wanted);
    }
}
