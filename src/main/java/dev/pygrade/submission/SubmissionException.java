package dev.pygrade.submission;

/** A submission that cannot be read as Python source, with the reason and where. */
public final class SubmissionException extends Exception {
    private final String location;

    public SubmissionException(String location, String message) {
        super(message);
        this.location = location;
    }

    public String location() {
        return location;
    }

    /** "answers/alice/q09.py: error: not UTF-8 text (invalid byte 0xff on line 3)". */
    public String located() {
        return location + ": error: " + getMessage();
    }
}
