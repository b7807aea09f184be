package io.bpo.notifications.recipient;

import io.bpo.notifications.event.EventType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * A person's notification choices: the language of their e-mails and, per event type, whether it reaches them
 * in-app and by e-mail. On reading, every type that concerns one of the person's roles is listed, with
 * {@code chosen} false where the role's default applies. On writing, listed types are set and the others kept.
 */
public record Preferences(
        @Pattern(regexp = "en|fr", message = "must be en or fr") String language,
        @NotNull @Size(max = 50) List<@Valid @NotNull Channels> events) {

    public static final Set<String> LANGUAGES = Set.of("en", "fr");

    public record Channels(
            @NotBlank String type,
            @NotNull Boolean inApp,
            @NotNull Boolean email,
            Boolean chosen) {

        /** The known type this names, if any: an unknown one is a validation error naming its index. */
        EventType eventType() {
            return EventType.of(type).orElse(null);
        }
    }
}
