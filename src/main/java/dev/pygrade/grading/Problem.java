package dev.pygrade.grading;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pygrade.sandbox.ExceptionInfo;
import java.util.List;

/**
 * Why a submission as a whole could not be graded normally, located in the
 * candidate's own file where that is known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("kind") Kind kind,
        @JsonProperty("message") String message,
        @JsonProperty("file") String file,
        @JsonProperty("line") Integer line,
        @JsonProperty("column") Integer column,
        @JsonProperty("source_line") String sourceLine,
        @JsonProperty("traceback") List<ExceptionInfo.Frame> traceback) {

    public enum Kind {
        @JsonProperty("syntax") SYNTAX,
        @JsonProperty("import") IMPORT,
        @JsonProperty("exit") EXIT,
        @JsonProperty("timeout") TIMEOUT,
        @JsonProperty("memory") MEMORY,
        @JsonProperty("tampering") TAMPERING,
        @JsonProperty("submission") SUBMISSION,
        @JsonProperty("internal") INTERNAL
    }

    public static Problem of(Kind kind, String message) {
        return new Problem(kind, message, null, null, null, null, null);
    }

    /** "my_answer.py:3:5: invalid syntax", like a compiler. */
    public String located() {
        if (file == null) {
            return message;
        }
        return file + (line == null ? "" : ":" + line + (column == null || column == 0 ? "" : ":" + column))
                + ": " + message;
    }
}
