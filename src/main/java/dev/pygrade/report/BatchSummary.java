package dev.pygrade.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.grading.Status;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a batch (or a merge) did, for its final message: on stdout as text, or as one JSON
 * object with --format json. Counts by status cover every result in the folder; graded_now
 * counts only this run's gradings.
 */
@JsonPropertyOrder({"schema", "results", "shard", "candidates", "recorded", "graded_now", "already_recorded",
        "by_status", "internal_errors", "skipped", "duration_ms"})
public record BatchSummary(
        @JsonProperty("results") String results,
        @JsonProperty("shard") String shard,
        @JsonProperty("candidates") int candidates,
        @JsonProperty("recorded") int recorded,
        @JsonProperty("graded_now") int gradedNow,
        @JsonProperty("already_recorded") int alreadyRecorded,
        @JsonProperty("by_status") Map<String, Integer> byStatus,
        @JsonProperty("internal_errors") List<String> internalErrors,
        @JsonProperty("skipped") List<SkippedEntry> skipped,
        @JsonProperty("duration_ms") long durationMs) {

    public static final String SCHEMA = "pygrade.batch-summary/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonProperty("schema")
    public String schema() {
        return SCHEMA;
    }

    public static BatchSummary of(String folder, String shard, List<CandidateResult> all, int gradedNow,
                                  int alreadyRecorded, List<SkippedEntry> skipped, long durationMs) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            byStatus.put(status.wire(), 0);
        }
        all.forEach(line -> byStatus.merge(line.result().status().wire(), 1, Integer::sum));
        List<String> internal = all.stream().filter(line -> line.result().status() == Status.INTERNAL_ERROR)
                .map(line -> line.candidate() + "/" + line.exercise()).sorted().toList();
        int candidates = (int) all.stream().map(CandidateResult::candidate).distinct().count();
        return new BatchSummary(folder, shard, candidates, all.size(), gradedNow, alreadyRecorded, byStatus,
                internal, List.copyOf(skipped), durationMs);
    }

    public boolean hasInternalErrors() {
        return !internalErrors.isEmpty();
    }

    public void writeJson(PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    public void writeText(PrintWriter out) {
        for (SkippedEntry entry : skipped) {
            out.println("skipped " + entry.path() + ": " + entry.reason());
        }
        StringBuilder statuses = new StringBuilder();
        byStatus.forEach((status, count) -> {
            if (count > 0) {
                statuses.append(statuses.isEmpty() ? "" : ", ").append(count).append(' ').append(status);
            }
        });
        out.printf(Locale.ROOT, "%d grading(s) of %d candidate(s) recorded in %s%s: %s%n", recorded, candidates,
                results, shard == null || shard.equals("1/1") ? "" : " (shard " + shard + ")",
                statuses.isEmpty() ? "none" : statuses);
        out.printf(Locale.ROOT, "graded now: %d, already recorded: %d, skipped: %d, in %.1f s%n", gradedNow,
                alreadyRecorded, skipped.size(), durationMs / 1000.0);
        for (String pair : internalErrors) {
            out.println("internal error (not the candidate's fault): " + pair);
        }
        out.flush();
    }
}
