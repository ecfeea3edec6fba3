package dev.pygrade.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.submission.Submission;
import dev.pygrade.submission.SubmissionException;
import dev.pygrade.submission.SubmissionReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A submission's request body as a {@link Submission}: one file as {@code text/x-python}, or
 * several as JSON {@code {"files": {"geometry/__init__.py": "..."}}}. The same reader as the
 * command line's judges it (strict UTF-8, no NUL, not empty, sizes), so that an answer the
 * command line refuses is refused here too, with the same words.
 */
final class SubmissionBody {
    static final String PYTHON = "text/x-python";
    static final String JSON = "application/json";

    private SubmissionBody() {
    }

    static Submission parse(String contentType, byte[] body, Exercise exercise) {
        String media = mediaType(contentType);
        try {
            return switch (media) {
                case PYTHON, "text/plain" -> SubmissionReader.fromBytes(exercise.module() + ".py", body,
                        exercise.module());
                case JSON -> SubmissionReader.fromMemory("submission", files(body), exercise.module());
                default -> throw new HttpError(415, "send the answer as " + PYTHON + " (one file) or as " + JSON
                        + " {\"files\": {\"name.py\": \"source\"}} (several files), not "
                        + (media.isEmpty() ? "without a Content-Type" : media));
            };
        } catch (SubmissionException unreadable) {
            int status = unreadable.getMessage().contains("larger than") ? 413 : 400;
            throw new HttpError(status, unreadable.located());
        }
    }

    /** "text/x-python; charset=utf-8" -> "text/x-python"; a charset other than UTF-8 is refused. */
    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new HttpError(415, "send the answer as UTF-8, not " + charset);
                }
            }
        }
        return parts[0].trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, byte[]> files(byte[] body) {
        JsonNode root;
        try {
            root = Responses.JSON.readTree(body);
        } catch (JsonProcessingException invalid) {
            throw new HttpError(400, "the body is not valid JSON: " + invalid.getOriginalMessage());
        } catch (java.io.IOException unreadable) {
            throw new HttpError(400, "the body could not be read as JSON");
        }
        JsonNode files = root == null ? null : root.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw new HttpError(400, "the JSON body needs \"files\": an object of file names to their source, "
                    + "such as {\"files\": {\"solution.py\": \"def f(): ...\"}}");
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (var entry : files.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new HttpError(400, "\"files\"." + entry.getKey() + " must be a string holding the file's source");
            }
            contents.put(entry.getKey(), entry.getValue().textValue().getBytes(StandardCharsets.UTF_8));
        }
        return contents;
    }
}
