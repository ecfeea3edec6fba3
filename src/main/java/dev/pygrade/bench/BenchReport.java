package dev.pygrade.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import dev.pygrade.sandbox.PoolStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * What {@code pygrade bench} found (schema {@code pygrade.bench/1}): Jackson writes it as the JSON
 * report, {@link BenchText} as text. Rates and ratios are kept exact here and written to two
 * decimals; a section that did not run is null and left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BenchReport(String schema, int candidates, int exercises, int gradings, int workers, int processors,
                          String loadAverage, String python, List<PassSummary> passes, int jvmWarmUpGradings,
                          long jvmWarmUpMs, Pool pool, Memory memory, ColdStartTimes coldStart,
                          Integer pooledVsFreshIdentical, Integer pooledVsFreshGradings,
                          @JsonUnwrapped CPythonComparison comparison, String cpython,
                          List<ExerciseTimes> byExercise) {
    public static final String SCHEMA = "pygrade.bench/1";

    /** Whether a grading ended 'internal-error' on either side, in a pass or in the memory soak. */
    public boolean sawInternalErrors() {
        return passes.stream().anyMatch(pass -> pass.statuses().containsKey(Status.INTERNAL_ERROR.wire()))
                || (memory != null && memory.internalErrors() > 0);
    }

    /** One timed pass; ratioToCpython is null without a CPython pass (and on the CPython pass itself). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PassSummary(String name, int gradings, long wallMs,
                              @JsonSerialize(using = Hundredths.class) double gradingsPerSecond, int warmUpGradings,
                              long warmUpMs, Map<String, Integer> statuses, long p50Ms, long p99Ms,
                              @JsonSerialize(using = Hundredths.class) Double ratioToCpython) {
        static PassSummary of(Benchmark.Pass pass, Benchmark.Pass cpython) {
            Double ratio = cpython != null && cpython != pass && cpython.rate() > 0 ? pass.rate() / cpython.rate()
                    : null;
            return new PassSummary(pass.name(), pass.results().size(), pass.wallMs(), pass.rate(),
                    pass.warmUpGradings(), pass.warmUpMs(), statuses(pass), percentile(pass, 50),
                    percentile(pass, 99), ratio);
        }

        /** How many gradings ended with each status, in the order of {@link Status}. */
        private static Map<String, Integer> statuses(Benchmark.Pass pass) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Status status : Status.values()) {
                int n = (int) pass.results().values().stream().map(GradeResult::status).filter(status::equals).count();
                if (n > 0) {
                    counts.put(status.wire(), n);
                }
            }
            return counts;
        }

        /** The grading duration (as each result records it) at this percentile, in ms. */
        private static long percentile(Benchmark.Pass pass, int percent) {
            return BenchReport.percentile(pass.results().values().stream().mapToLong(GradeResult::durationMs), percent);
        }
    }

    /** The median grading duration of one exercise in each pass, in ms, by pass name. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ExerciseTimes(String exercise, Map<String, Long> p50Ms) {
        /** Every exercise the passes graded, in the order first met in the first pass. */
        static List<ExerciseTimes> of(List<Benchmark.Pass> passes) {
            Map<String, Map<String, Long>> byExercise = new LinkedHashMap<>();
            for (Benchmark.Pass pass : passes) {
                Map<String, List<GradeResult>> grouped = new TreeMap<>();
                pass.results().values().forEach(result ->
                        grouped.computeIfAbsent(result.exercise(), id -> new ArrayList<>()).add(result));
                grouped.forEach((exercise, results) -> byExercise.computeIfAbsent(exercise, id -> new LinkedHashMap<>())
                        .put(pass.name(), percentile(results.stream().mapToLong(GradeResult::durationMs), 50)));
            }
            return byExercise.entrySet().stream().map(entry -> new ExerciseTimes(entry.getKey(), entry.getValue()))
                    .toList();
        }

        /** The slowest pass's median against CPython's; 0 without a CPython pass. */
        public double slowestToCpython() {
            Long cpython = p50Ms.get(Benchmark.CPYTHON);
            if (cpython == null) {
                return 0;
            }
            long slowest = p50Ms.entrySet().stream().filter(entry -> !entry.getKey().equals(Benchmark.CPYTHON))
                    .mapToLong(Map.Entry::getValue).max().orElse(0);
            return (double) slowest / Math.max(1, cpython);
        }
    }

    /** The value at this percentile of the durations, 0 when there are none. */
    static long percentile(LongStream values, int percent) {
        long[] durations = values.sorted().toArray();
        if (durations.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * durations.length) - 1;
        return durations[Math.max(0, Math.min(durations.length - 1, index))];
    }

    /** What the pool did during the pooled pass (its warm-up included). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pool(long contextsCreated, long contextsReused, long contextsDiscarded,
                       @JsonSerialize(using = Hundredths.class) double discardedShare) {
        static Pool between(PoolStats before, PoolStats after) {
            long reused = after.reused() - before.reused();
            long discarded = after.discarded() - before.discarded();
            long ended = reused + discarded;
            return new Pool(after.created() - before.created(), reused, discarded,
                    ended == 0 ? 0 : (double) discarded / ended);
        }
    }

    /** The live heap at each checkpoint of --memory. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Memory(long wallMs, int internalErrors, List<HeapSample> liveHeapBytes) {
        static Memory of(MemorySoak.Result soak) {
            return new Memory(soak.wallMs(), soak.internalErrors(),
                    soak.samples().stream().map(sample -> new HeapSample(sample.gradings(), sample.heapBytes()))
                            .toList());
        }
    }

    public record HeapSample(int gradings, long bytes) {
    }

    /** The timings of --cold-start. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ColdStartTimes(String command, List<Long> withCacheMs, List<Long> withoutCacheMs,
                                 long medianWithCacheMs, long medianWithoutCacheMs,
                                 @JsonSerialize(using = Hundredths.class) double ratio) {
        static ColdStartTimes of(ColdStart.Result times) {
            return new ColdStartTimes("./pygrade grade " + ColdStart.EXERCISE + " (reference)", times.withCacheMs(),
                    times.withoutCacheMs(), times.medianWith(), times.medianWithout(), times.ratio());
        }
    }

    /** The pooled pass against the CPython pass; ratio is null (and written) when CPython took no time. */
    public record CPythonComparison(
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonSerialize(using = Hundredths.class) Double ratio,
            Verdicts verdicts) {
    }

    /** Check by check pass/fail against CPython; each differing fixture once, with its number of gradings. */
    public record Verdicts(int gradings, int identical, List<Difference> differences) {
        static Verdicts of(Benchmark.Agreement agreement) {
            Map<Benchmark.Difference, Integer> grouped = new LinkedHashMap<>();
            agreement.differences().forEach(difference -> grouped.merge(difference, 1, Integer::sum));
            return new Verdicts(agreement.gradings(), agreement.identical(), grouped.entrySet().stream()
                    .map(entry -> Difference.of(entry.getKey(), entry.getValue())).toList());
        }
    }

    public record Difference(String exercise, String fixture, String check, String pygrade, String cpython,
                             int gradings) {
        static Difference of(Benchmark.Difference difference, int gradings) {
            return new Difference(difference.exercise(), difference.fixture(), difference.check(),
                    difference.pygrade(), difference.cpython(), gradings);
        }
    }

    /** A value to two decimals, as the report gives rates and ratios. */
    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Writes a rate or a ratio to two decimals. */
    static final class Hundredths extends StdSerializer<Double> {
        Hundredths() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeNumber(round(value));
        }
    }
}
