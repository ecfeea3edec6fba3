package dev.pygrade.cli;

/** pygrade's exit codes, listed in --help. */
public enum ExitCode {
    /** Full marks (or, for commands that do not grade, success). */
    OK(0, "full marks, or success"),
    /** Graded below full marks: failed checks, an error in the submission, a timeout. */
    BELOW_FULL_MARKS(1, "graded below full marks"),
    /** Bad usage or input: missing file, unknown exercise, unreadable source. */
    USAGE(2, "usage or input error (missing file, unknown exercise, unreadable source)"),
    /** The grader failed: not the candidate's fault. */
    INTERNAL(3, "internal error");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** Code to meaning, for picocli's exit code list in --help. */
    static java.util.Map<String, String> helpList() {
        java.util.Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (ExitCode exit : values()) {
            lines.put("  " + exit.code, exit.meaning);
        }
        return lines;
    }
}
