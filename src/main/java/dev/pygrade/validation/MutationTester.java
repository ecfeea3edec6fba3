package dev.pygrade.validation;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import dev.pygrade.sandbox.SourceMutant;
import dev.pygrade.sandbox.SourceMutator;
import dev.pygrade.submission.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Proves that the checks are strong: the reference solution is mutated (see
 * _pygrade_mutator.py) and each mutant graded through the one grading path; a mutant is caught
 * when it does not get full marks. Gradings go through {@link Grading}, so a faster context
 * pool makes this faster without a change here.
 */
public final class MutationTester {
    /** A mutant that loops where the reference returns must not cost the exercise's full limits. */
    private static final Duration MIN_CHECK_LIMIT = Duration.ofSeconds(2);

    private final Grading grading;
    private final SourceMutator mutator;

    public MutationTester(Grading grading, SourceMutator mutator) {
        this.grading = grading;
        this.mutator = mutator;
    }

    /** One graded mutant. */
    public record Outcome(String file, SourceMutant mutant, GradeResult result) {
        public boolean counted() {
            return result.status() != Status.INTERNAL_ERROR;
        }

        public boolean caught() {
            return counted() && !result.fullMarks();
        }
    }

    /**
     * Mutates {@code reference} (at most {@code limit} mutants over all its files) and grades each.
     * {@code referenceResult} (the reference's own full-marks grading) sizes the mutants' time limits.
     */
    public MutationReport test(Exercise exercise, Submission reference, GradeResult referenceResult, int limit,
            Consumer<Outcome> progress) {
        long started = System.nanoTime();
        Limits limits = mutantLimits(exercise.limits(), referenceResult);
        Map<String, Submission.SourceFile> files = new TreeMap<>(reference.files());
        int perFile = Math.max(1, (int) Math.ceil((double) limit / files.size()));
        int mutants = 0;
        int caught = 0;
        int notCounted = 0;
        List<MutationReport.Survivor> survivors = new ArrayList<>();
        for (Map.Entry<String, Submission.SourceFile> file : files.entrySet()) {
            if (mutants + notCounted >= limit) {
                break;
            }
            for (SourceMutant mutant : mutator.mutants(file.getValue().text(), file.getValue().displayName(),
                    Math.min(perFile, limit - mutants - notCounted))) {
                Map<String, Submission.SourceFile> mutated = new LinkedHashMap<>(reference.files());
                mutated.put(file.getKey(), new Submission.SourceFile(file.getValue().displayName(), mutant.source()));
                GradeResult result = grading.grade(exercise, new Submission(reference.label(), mutated), limits);
                Outcome outcome = new Outcome(file.getValue().displayName(), mutant, result);
                progress.accept(outcome);
                if (!outcome.counted()) {
                    notCounted++;
                    continue;
                }
                mutants++;
                if (outcome.caught()) {
                    caught++;
                } else {
                    survivors.add(new MutationReport.Survivor(outcome.file(), mutant.line(), mutant.kind(),
                            mutant.change()));
                }
            }
        }
        return new MutationReport(mutants, caught, notCounted, survivors, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The exercise's limits, tightened to a few times what the whole reference grading took: a
     * mutant that never returns then costs seconds, not the exercise's full time. A mutant merely
     * that much slower than the reference counts as caught, as it would by a speed check.
     */
    static Limits mutantLimits(Limits limits, GradeResult referenceResult) {
        Duration reference = Duration.ofMillis(referenceResult.durationMs());
        Duration check = max(MIN_CHECK_LIMIT, reference.multipliedBy(2));
        if (check.compareTo(limits.checkTimeout()) >= 0) {
            return limits;
        }
        Duration total = max(check, reference.multipliedBy(3).plusSeconds(5));
        if (total.compareTo(limits.totalTimeout()) > 0) {
            total = limits.totalTimeout();
        }
        return new Limits(check, total, limits.maxOutputBytes(), limits.memoryBytes());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
