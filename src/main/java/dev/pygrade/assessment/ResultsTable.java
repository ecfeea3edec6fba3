package dev.pygrade.assessment;

import dev.pygrade.report.CandidateResult;
import dev.pygrade.store.CandidateRecord;
import dev.pygrade.store.ResultRecord;
import dev.pygrade.store.SubmissionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Candidates x exercises of one assessment. Per cell: the attempts made, those still pending,
 * the best score and the last (of the latest graded attempt), and the marks available. Per
 * candidate: when they started and the time used, from starting to their last submission.
 */
public record ResultsTable(long assessmentId, String assessmentName, List<String> exerciseIds, List<Row> rows) {
    public ResultsTable {
        exerciseIds = List.copyOf(exerciseIds);
        rows = List.copyOf(rows);
    }

    /** One candidate. cells: by exercise id, in the assessment's order. */
    public record Row(String candidate, Optional<Instant> startedAt, Optional<Duration> timeUsed,
                      Map<String, Cell> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }
    }

    /** One candidate's work on one exercise; best and last are empty until an attempt is graded. */
    public record Cell(int attempts, int pending, OptionalDouble best, OptionalDouble last, double maxScore,
                       Optional<String> lastStatus) {
    }

    /** Which graded submission stands for a candidate's exercise in an export. */
    public enum Pick {
        /** The highest score (the earliest of equals). */
        BEST,
        /** The latest graded attempt. */
        LAST
    }

    static ResultsTable of(Assessment assessment, List<CandidateRecord> candidates, List<SubmissionRecord> submissions,
                           Map<Long, ResultRecord> results) {
        Map<Long, List<SubmissionRecord>> byCandidate = submissions.stream()
                .collect(Collectors.groupingBy(SubmissionRecord::candidateId));
        List<Row> rows = new ArrayList<>();
        for (CandidateRecord candidate : candidates) {
            List<SubmissionRecord> own = byCandidate.getOrDefault(candidate.id(), List.of());
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String exercise : assessment.exerciseIds()) {
                List<SubmissionRecord> attempts = own.stream().filter(s -> s.exerciseId().equals(exercise)).toList();
                List<ResultRecord> graded = attempts.stream().map(s -> results.get(s.id()))
                        .filter(java.util.Objects::nonNull).toList();
                Optional<ResultRecord> last = graded.isEmpty() ? Optional.empty()
                        : Optional.of(graded.get(graded.size() - 1));
                cells.put(exercise, new Cell(attempts.size(), attempts.size() - graded.size(),
                        graded.stream().mapToDouble(r -> r.result().score()).max(),
                        last.map(r -> OptionalDouble.of(r.result().score())).orElse(OptionalDouble.empty()),
                        graded.stream().mapToDouble(r -> r.result().maxScore()).max().orElse(0),
                        last.map(r -> r.result().status().wire())));
            }
            Optional<Duration> used = candidate.startedAt().flatMap(start -> own.stream()
                    .map(SubmissionRecord::submittedAt).max(Comparator.naturalOrder())
                    .map(end -> Duration.between(start, end)));
            rows.add(new Row(candidate.name(), candidate.startedAt(), used, cells));
        }
        return new ResultsTable(assessment.id(), assessment.name(), assessment.exerciseIds(), rows);
    }

    /** One result per candidate and exercise with a graded submission, by candidate then exercise. */
    static List<CandidateResult> picked(Assessment assessment, List<CandidateRecord> candidates,
                                        List<SubmissionRecord> submissions, Map<Long, ResultRecord> results,
                                        Pick pick) {
        Map<Long, String> names = candidates.stream().collect(Collectors.toMap(CandidateRecord::id,
                CandidateRecord::name));
        Map<Long, Map<String, ResultRecord>> chosen = new LinkedHashMap<>();
        for (SubmissionRecord stored : submissions) { // oldest first
            ResultRecord result = results.get(stored.id());
            if (result == null || !assessment.exerciseIds().contains(stored.exerciseId())) {
                continue;
            }
            chosen.computeIfAbsent(stored.candidateId(), id -> new LinkedHashMap<>())
                    .merge(stored.exerciseId(), result, (kept, later) -> pick == Pick.LAST
                            || later.result().score() > kept.result().score() ? later : kept);
        }
        List<CandidateResult> lines = new ArrayList<>();
        chosen.forEach((candidate, byExercise) -> byExercise.values()
                .forEach(result -> lines.add(new CandidateResult(names.get(candidate), result.result()))));
        lines.sort(Comparator.comparing(CandidateResult::candidate).thenComparing(
                line -> assessment.exerciseIds().indexOf(line.exercise())));
        return lines;
    }
}
