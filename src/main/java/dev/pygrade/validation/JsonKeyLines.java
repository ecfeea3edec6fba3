package dev.pygrade.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every key of a JSON text, by its dotted path ("limits.memory_mb"), read from
 * Jackson's token locations: a tree (JsonNode) forgets where its keys were written.
 */
final class JsonKeyLines {
    private JsonKeyLines() {
    }

    /** Key path -> line; "" is the line where the outer object starts. */
    static Map<String, Integer> of(String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().enable(JsonParser.Feature.ALLOW_COMMENTS).createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT && parser.getParsingContext().getParent().inRoot()) {
                    lines.putIfAbsent("", parser.currentTokenLocation().getLineNr()); // the outer object's "{"
                }
                if (token == JsonToken.FIELD_NAME) {
                    List<String> path = new ArrayList<>();
                    for (var context = parser.getParsingContext(); context != null && !context.inRoot();
                            context = context.getParent()) {
                        path.add(0, context.inArray() ? "[]" : context.getCurrentName());
                    }
                    lines.putIfAbsent(String.join(".", path), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException invalid) {
            throw invalid;
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return lines;
    }

    /** The line of a top-level key of a file, or 0 when the file or the key cannot be read. */
    static int lineOf(Path file, String key) {
        try {
            return of(Files.readString(file)).getOrDefault(key, 0);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
