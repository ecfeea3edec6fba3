package dev.pygrade.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.sandbox.CheckSpec;
import dev.pygrade.sandbox.PoolStats;
import java.util.List;

/**
 * What a worker answers about job {@code id}: first the checks it found (so that its
 * supervisor can still report every check if the worker dies), then the result, saying
 * whether the worker will exit after it, with its context pool's counters for metrics.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorkerMessage(
        @JsonProperty("id") long id,
        @JsonProperty("checks") List<Check> checks,
        @JsonProperty("result") GradeResult result,
        @JsonProperty("retiring") Boolean retiring,
        @JsonProperty("pool") PoolStats pool) {

    record Check(@JsonProperty("name") String name, @JsonProperty("description") String description,
            @JsonProperty("weight") double weight) {
        CheckSpec spec() {
            return new CheckSpec(name, description, weight);
        }

        static Check of(CheckSpec spec) {
            return new Check(spec.name(), spec.description(), spec.weight());
        }
    }
}
