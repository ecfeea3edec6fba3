package dev.pygrade.validation;

import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What two gradings of the same answer must agree on: the status, the score, and each check's
 * status (not messages or durations, which may legitimately differ: an address in a repr, a
 * time in a timeout message).
 */
public record Verdict(Status status, double score, Map<String, CheckStatus> checks) {
    public Verdict {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    public static Verdict of(GradeResult result) {
        Map<String, CheckStatus> checks = new LinkedHashMap<>();
        for (CheckResult check : result.checks()) {
            checks.put(check.name(), check.status());
        }
        return new Verdict(result.status(), result.score(), checks);
    }

    /** How {@code other} differs from this one, in words; empty when they agree. */
    public List<String> differences(Verdict other) {
        List<String> differences = new ArrayList<>();
        if (status != other.status) {
            differences.add("status " + status.wire() + " then " + other.status.wire());
        }
        if (Math.abs(score - other.score) > 1e-9) {
            differences.add(String.format(Locale.ROOT, "score %s then %s", trim(score), trim(other.score)));
        }
        TreeSet<String> names = new TreeSet<>(checks.keySet());
        names.addAll(other.checks.keySet());
        for (String name : names) {
            CheckStatus mine = checks.get(name);
            CheckStatus theirs = other.checks.get(name);
            if (mine != theirs) {
                differences.add("check " + name + " " + wire(mine) + " then " + wire(theirs));
            }
        }
        return differences;
    }

    private static String wire(CheckStatus status) {
        return status == null ? "absent" : status.wire();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
