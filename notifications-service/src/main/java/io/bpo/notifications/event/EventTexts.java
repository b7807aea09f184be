package io.bpo.notifications.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * What an event says to a person, in their language: Qute templates {@code events/<type>.<language>.txt} whose
 * first line is the title and the rest the body. An event type without a template falls back to a generic text.
 */
@ApplicationScoped
public class EventTexts {
    @TemplateData
    public record Text(String title, String body) {
    }

    @Inject
    Engine engine;

    @Inject
    ObjectMapper mapper;

    public Text render(String type, String language, String json) {
        Template template = engine.getTemplate("events/" + type + "." + language + ".txt");
        if (template == null) {
            template = engine.getTemplate("events/generic." + language + ".txt");
        }
        String rendered = template.data("type", type).data("data", map(json)).render().strip();
        int newline = rendered.indexOf('\n');
        return newline < 0 ? new Text(rendered, "")
                : new Text(rendered.substring(0, newline).strip(), rendered.substring(newline + 1).strip());
    }

    private Map<String, Object> map(String json) {
        try {
            return mapper.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event data unreadable", e);
        }
    }
}
