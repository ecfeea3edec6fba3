package dev.pygrade.assessment;

import dev.pygrade.store.ResultRecord;
import dev.pygrade.store.SubmissionRecord;
import java.util.List;
import java.util.Optional;

/** What an instructor sees of a candidate (everything: code, every check, every grading). */
public final class InstructorView {
    private InstructorView() {
    }

    /** One submission with every grading of it, oldest first (the last is its current result). */
    public record SubmissionHistory(SubmissionRecord submission, List<ResultRecord> gradings) {
        public SubmissionHistory {
            gradings = List.copyOf(gradings);
        }

        public Optional<ResultRecord> current() {
            return gradings.isEmpty() ? Optional.empty() : Optional.of(gradings.get(gradings.size() - 1));
        }
    }
}
