package dev.pygrade.batch;

import dev.pygrade.grading.GradeResult;
import dev.pygrade.report.CandidateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins results from several runs, one per (candidate, exercise). The same pair twice with the
 * same result (its duration aside) is kept once; with different results it is a conflict.
 */
public final class ResultsMerger {
    private final Map<PairKey, Entry> merged = new TreeMap<>();
    private int duplicates;

    private record Entry(String source, CandidateResult line) {
    }

    /** IllegalArgumentException naming the pair and both sources on a conflict. */
    public void add(String source, List<CandidateResult> lines) {
        for (CandidateResult line : lines) {
            PairKey key = new PairKey(line.candidate(), line.exercise());
            Entry earlier = merged.putIfAbsent(key, new Entry(source, line));
            if (earlier == null) {
                continue;
            }
            if (!comparable(earlier.line().result()).equals(comparable(line.result()))) {
                throw new IllegalArgumentException("conflicting results for " + key + ": " + earlier.source() + " says "
                        + describe(earlier.line().result()) + ", " + source + " says " + describe(line.result()));
            }
            duplicates++;
        }
    }

    /** Every pair once, ordered by candidate then exercise. */
    public List<CandidateResult> merged() {
        List<CandidateResult> lines = new ArrayList<>();
        merged.values().forEach(entry -> lines.add(entry.line()));
        return lines;
    }

    public int duplicates() {
        return duplicates;
    }

    private static GradeResult comparable(GradeResult result) {
        return new GradeResult(result.exercise(), result.submission(), result.status(), result.score(),
                result.maxScore(), 0, result.error(), result.checks());
    }

    private static String describe(GradeResult result) {
        return result.status().wire() + " " + result.score() + "/" + result.maxScore();
    }
}
