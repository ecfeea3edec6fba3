package dev.pygrade.server;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A prompt's Markdown as HTML for the page. Raw HTML in the Markdown is escaped, not passed
 * through, and link targets with unsafe schemes (javascript:) are dropped: prompts are
 * instructors' text, but the page must not run anything a file in exercises/ smuggles in.
 */
final class PromptRenderer {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
