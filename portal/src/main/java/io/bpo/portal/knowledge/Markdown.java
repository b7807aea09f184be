package io.bpo.portal.knowledge;

import io.quarkus.qute.RawString;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Article bodies are Markdown written by client staff: rendered with their raw HTML escaped and link targets
 * sanitized (no javascript: URLs), so that an article cannot run script in a reader's session.
 */
final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static RawString toHtml(String markdown) {
        return new RawString(RENDERER.render(PARSER.parse(markdown)));
    }
}
