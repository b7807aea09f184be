package io.bpo.notifications.recipient;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem.FieldError;
import io.bpo.kit.security.Caller;
import io.bpo.notifications.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The caller's own choices. They are kept in the caller's row of each of their clients and written to all of them
 * at once, so the person sees one set of preferences and every client's events honour it.
 */
@ApplicationScoped
public class PreferencesService {
    @Inject
    RecipientDirectory directory;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    public Preferences mine() {
        List<Preferences> perClient = directory.forEachClient(clientId -> directory.current().map(this::view)
                .orElse(null));
        return perClient.stream().filter(p -> p != null).findFirst().orElseGet(this::defaults);
    }

    public Preferences choose(Preferences wanted) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < wanted.events().size(); i++) {
            Preferences.Channels channels = wanted.events().get(i);
            if (channels.eventType() == null) {
                errors.add(new FieldError("events[" + i + "].type", "is not an event type; known: "
                        + Arrays.stream(EventType.values()).map(EventType::wireName).toList()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid request", errors.get(0).field() + " "
                    + errors.get(0).reason(), errors);
        }
        if (caller.tenants().isEmpty()) {
            throw ApiException.conflict("no-client", "You belong to no client: there is nothing to notify you of "
                    + "and no preference to keep");
        }
        List<Preferences> updated = directory.forEachClient(clientId -> {
            Recipient me = directory.current().orElseThrow();
            if (wanted.language() != null) {
                me.language = wanted.language();
            }
            for (Preferences.Channels channels : wanted.events()) {
                ChannelChoices.choose(mapper, me, channels.eventType(), channels.inApp(), channels.email());
            }
            me.flush();
            return view(me);
        });
        return updated.get(0);
    }

    private Preferences view(Recipient me) {
        Set<String> roles = ChannelChoices.roles(me);
        List<Preferences.Channels> events = Arrays.stream(EventType.values())
                .filter(type -> type.roles().stream().anyMatch(roles::contains))
                .map(type -> new Preferences.Channels(type.wireName(), ChannelChoices.inApp(mapper, me, type),
                        ChannelChoices.email(mapper, me, type), ChannelChoices.isChosen(mapper, me, type)))
                .toList();
        return new Preferences(me.language, events);
    }

    private Preferences defaults() {
        Recipient nobody = new Recipient();
        nobody.language = RecipientDirectory.DEFAULT_LANGUAGE;
        nobody.roles = caller.roles().toArray(String[]::new);
        nobody.preferences = "{}";
        return view(nobody);
    }
}
