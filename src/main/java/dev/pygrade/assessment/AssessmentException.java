package dev.pygrade.assessment;

/** An instructor's request that cannot be met: no such assessment or candidate, or an invalid value. */
public final class AssessmentException extends RuntimeException {
    /** What kind of problem: for the HTTP layer, 404 or 400. */
    public enum Kind { NOT_FOUND, INVALID }

    private final Kind kind;

    public AssessmentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static AssessmentException notFound(String message) {
        return new AssessmentException(Kind.NOT_FOUND, message);
    }

    static AssessmentException invalid(String message) {
        return new AssessmentException(Kind.INVALID, message);
    }
}
