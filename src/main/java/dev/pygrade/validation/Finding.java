package dev.pygrade.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;

/**
 * One problem found while validating an exercise, located like a compiler error. Errors make
 * validate fail; warnings are reported and do not (a verdict CPython and GraalPy disagree on
 * may be GraalPy's own difference rather than a wrong check).
 */
public record Finding(
        @JsonProperty("file") @JsonSerialize(using = ToStringSerializer.class) Path file,
        @JsonProperty("line") int line,
        @JsonProperty("message") String message,
        @JsonProperty("severity") Severity severity) {
    public enum Severity { ERROR, WARNING }

    public Finding(Path file, int line, String message) {
        this(file, line, message, Severity.ERROR);
    }

    public static Finding warning(Path file, int line, String message) {
        return new Finding(file, line, message, Severity.WARNING);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean error() {
        return severity == Severity.ERROR;
    }

    public String located() {
        return file + (line > 0 ? ":" + line : "") + ": " + (error() ? "" : "warning: ") + message;
    }
}
