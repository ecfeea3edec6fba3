package dev.pygrade.store;

import java.time.Instant;
import java.util.List;

/** A row of submissions: the code as submitted, and whether it is graded yet. */
public record SubmissionRecord(long id, long candidateId, String exerciseId, int attempt, String label,
                               List<StoredFile> files, Instant submittedAt, SubmissionStatus status) {
    public SubmissionRecord {
        files = List.copyOf(files);
    }

    /** One file of a submission: its module path, the name the candidate knows it by, its text. */
    public record StoredFile(String path, String name, String text) {
    }
}
