package dev.pygrade.assessment;

import dev.pygrade.similarity.Similarity;
import dev.pygrade.store.SubmissionRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The similarity report of one exercise of an assessment: every pair of candidates, scored on
 * their last submissions, most alike first. For an instructor to look at; never a verdict.
 */
public record SimilarityPairs(String exerciseId, int answers, int commonLimit, List<Similarity.Pair> pairs) {
    public SimilarityPairs {
        pairs = List.copyOf(pairs);
    }

    static List<SimilarityPairs> of(Assessment assessment, Optional<String> exerciseId,
                                    List<SubmissionRecord> submissions, Map<Long, String> names) {
        List<String> exercises = exerciseId.map(List::of).orElse(assessment.exerciseIds());
        exerciseId.ifPresent(id -> {
            if (!assessment.exerciseIds().contains(id)) {
                throw AssessmentException.invalid("exercise '" + id + "' is not part of assessment " + assessment.id());
            }
        });
        List<SimilarityPairs> reports = new ArrayList<>();
        for (String exercise : exercises) {
            Map<String, String> last = new LinkedHashMap<>();
            for (SubmissionRecord stored : submissions) { // oldest first: the last one stays
                if (stored.exerciseId().equals(exercise)) {
                    last.put(names.get(stored.candidateId()), Receipts.codeText(stored.files()).replace('\0', '\n'));
                }
            }
            int limit = Similarity.defaultCommonLimit(last.size());
            reports.add(new SimilarityPairs(exercise, last.size(), limit, Similarity.pairs(last, limit)));
        }
        return reports;
    }
}
