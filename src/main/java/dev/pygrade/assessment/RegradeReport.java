package dev.pygrade.assessment;

import dev.pygrade.store.ResultRecord;
import dev.pygrade.store.SubmissionRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a regrade changed, per candidate: for each submission graded again, the score before and
 * after, the checks whose status changed, and which parts of the receipt changed (checks,
 * prompt, limits, code, pygrade). Submissions whose score, checks and receipt are all unchanged
 * are only counted.
 */
public record RegradeReport(long assessmentId, String assessmentName, int regraded, int unchanged,
                            Map<String, List<Change>> byCandidate) {
    public RegradeReport {
        byCandidate = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCandidate));
    }

    /** One submission graded again. */
    public record Change(String candidate, long submissionId, String exerciseId, int attempt, double oldScore,
                         double newScore, double maxScore, String oldStatus, String newStatus,
                         List<CheckChange> checks, List<String> receiptChanges) {
        public Change {
            checks = List.copyOf(checks);
            receiptChanges = List.copyOf(receiptChanges);
        }

        public boolean changed() {
            return oldScore != newScore || !oldStatus.equals(newStatus) || !checks.isEmpty()
                    || !receiptChanges.isEmpty();
        }

        static Change of(String candidate, SubmissionRecord stored, ResultRecord before, ResultRecord after) {
            Map<String, String> was = new LinkedHashMap<>();
            if (before != null) {
                before.result().checks().forEach(check -> was.put(check.name(), check.status().wire()));
            }
            Map<String, String> now = new LinkedHashMap<>();
            after.result().checks().forEach(check -> now.put(check.name(), check.status().wire()));
            List<CheckChange> checks = new ArrayList<>();
            now.forEach((name, status) -> {
                String old = was.get(name);
                if (!status.equals(old)) {
                    checks.add(new CheckChange(name, Optional.ofNullable(old), Optional.of(status)));
                }
            });
            was.forEach((name, status) -> {
                if (!now.containsKey(name)) {
                    checks.add(new CheckChange(name, Optional.of(status), Optional.empty()));
                }
            });
            List<String> receipt = before == null ? List.of("checks", "prompt", "limits", "code", "pygrade")
                    : after.receipt().changedFrom(before.receipt());
            return new Change(candidate, stored.id(), stored.exerciseId(), stored.attempt(),
                    before == null ? 0 : before.result().score(), after.result().score(), after.result().maxScore(),
                    before == null ? "none" : before.result().status().wire(), after.result().status().wire(), checks,
                    receipt);
        }
    }

    /** A check whose status changed; empty on one side when the check was added or removed. */
    public record CheckChange(String name, Optional<String> before, Optional<String> after) {
    }

    static RegradeReport of(Assessment assessment, List<Change> changes) {
        Map<String, List<Change>> byCandidate = new TreeMap<>();
        int unchanged = 0;
        for (Change change : changes) {
            if (change.changed()) {
                byCandidate.computeIfAbsent(change.candidate(), name -> new ArrayList<>()).add(change);
            } else {
                unchanged++;
            }
        }
        return new RegradeReport(assessment.id(), assessment.name(), changes.size(), unchanged, byCandidate);
    }
}
