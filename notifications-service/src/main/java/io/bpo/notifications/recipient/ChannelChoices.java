package io.bpo.notifications.recipient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.notifications.event.EventType;
import java.util.Arrays;
import java.util.Set;

/** Reads and writes the stored choices of a recipient; a type with no choice gets its role's default. */
public final class ChannelChoices {
    private ChannelChoices() {
    }

    public static boolean inApp(ObjectMapper mapper, Recipient recipient, EventType type) {
        JsonNode chosen = stored(mapper, recipient).path(type.wireName()).path("inApp");
        return chosen.isMissingNode() || chosen.asBoolean();
    }

    public static boolean email(ObjectMapper mapper, Recipient recipient, EventType type) {
        JsonNode chosen = stored(mapper, recipient).path(type.wireName()).path("email");
        return chosen.isMissingNode() ? type.emailByDefault(roles(recipient)) : chosen.asBoolean();
    }

    public static boolean isChosen(ObjectMapper mapper, Recipient recipient, EventType type) {
        return stored(mapper, recipient).has(type.wireName());
    }

    public static void choose(ObjectMapper mapper, Recipient recipient, EventType type, boolean inApp,
            boolean email) {
        ObjectNode all = stored(mapper, recipient);
        all.putObject(type.wireName()).put("inApp", inApp).put("email", email);
        try {
            recipient.preferences = mapper.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Set<String> roles(Recipient recipient) {
        return Set.copyOf(Arrays.asList(recipient.roles));
    }

    private static ObjectNode stored(ObjectMapper mapper, Recipient recipient) {
        try {
            return recipient.preferences == null ? mapper.createObjectNode()
                    : (ObjectNode) mapper.readTree(recipient.preferences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored preferences unreadable", e);
        }
    }
}
