package io.bpo.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Renders a page in the viewer's language with what every page's layout needs (the viewer, the current path for
 * the language switch). Gateway answers are handed to templates as plain maps and lists, so that a template reads
 * {@code contract.reference} whatever field the services add.
 */
@RequestScoped
public class Page {
    @Inject
    Viewer viewer;
    @Inject
    ObjectMapper mapper;
    @Inject
    io.vertx.core.http.HttpServerRequest request;

    public TemplateInstance of(Template template) {
        return template.instance()
                .setLocale(viewer.locale())
                .data("viewer", viewer)
                .data("path", request.uri())
                .data("clientLinks", true);
    }

    /** A JSON tree as maps, lists, strings, numbers and booleans for a template. */
    public Object data(JsonNode node) {
        return node == null || node.isMissingNode() ? null : mapper.convertValue(node, Object.class);
    }
}
