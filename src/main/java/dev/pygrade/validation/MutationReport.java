package dev.pygrade.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of mutation testing one exercise: how many mutants were graded, how many the
 * checks caught (the mutant did not get full marks), the survivors to write a check for, the
 * mutants not counted (the grader itself failed on them), and the time it all took.
 */
public record MutationReport(
        @JsonProperty("mutants") int mutants,
        @JsonProperty("caught") int caught,
        @JsonProperty("not_counted") int notCounted,
        @JsonProperty("survivors") List<Survivor> survivors,
        @JsonProperty("duration_ms") long durationMs) {

    public MutationReport {
        survivors = List.copyOf(survivors);
    }

    /** A mutant that got full marks: the checks cannot tell it from the reference. */
    public record Survivor(
            @JsonProperty("file") String file,
            @JsonProperty("line") int line,
            @JsonProperty("kind") String kind,
            @JsonProperty("change") String change) {
    }

    /** The share of mutants caught, 0..1; 1 when there was nothing to mutate. */
    @JsonProperty("score")
    public double score() {
        return mutants == 0 ? 1.0 : (double) caught / mutants;
    }
}
