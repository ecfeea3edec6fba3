package dev.pygrade.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import dev.pygrade.sandbox.PoolStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench report's JSON (the field names of pygrade.bench/1) and text, on made-up passes. */
class BenchReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Benchmark.Pass pass(String name, long wallMs, Status... statuses) {
        Map<String, GradeResult> results = new java.util.HashMap<>();
        for (int i = 0; i < statuses.length; i++) {
            results.put("c" + i, new GradeResult("q09-lru-cache", "x", statuses[i], 0, 1, 100L * (i + 1), null,
                    List.of()));
        }
        return new Benchmark.Pass(name, 1, results, wallMs, 5, 2);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static BenchReport report(Benchmark.Pass pooled, Benchmark.Pass cpython,
                                      BenchReport.CPythonComparison comparison, String note) {
        List<Benchmark.Pass> passes = cpython == null ? List.of(pooled) : List.of(pooled, cpython);
        return new BenchReport(BenchReport.SCHEMA, 1, 1, 3, 1, 2, "0.50", cpython == null ? null : "/usr/bin/python3",
                passes.stream().map(pass -> BenchReport.PassSummary.of(pass, cpython)).toList(), 4, 1234,
                BenchReport.Pool.between(PoolStats.NONE, new PoolStats(1, 0, 2, 2, 1)),
                new BenchReport.Memory(10, 0, List.of(new BenchReport.HeapSample(3, 1000))), null, 3, 3, comparison,
                note, BenchReport.ExerciseTimes.of(passes));
    }

    @Test
    void jsonHasTheFieldsOfTheSchemaInTheirOrderWithRatesToTwoDecimals() throws Exception {
        Benchmark.Pass pooled = pass("pygrade pooled", 3000, Status.PASSED, Status.FAILED, Status.PASSED);
        Benchmark.Pass cpython = pass(Benchmark.CPYTHON, 700, Status.PASSED, Status.FAILED, Status.PASSED);
        BenchReport.Verdicts verdicts = BenchReport.Verdicts.of(new Benchmark.Agreement(3, 1, List.of(
                new Benchmark.Difference("q09-lru-cache", "wrong.py", "memoized", "failed", "passed"),
                new Benchmark.Difference("q09-lru-cache", "wrong.py", "memoized", "failed", "passed"))));
        JsonNode json = JSON.readTree(JSON.writeValueAsString(report(pooled, cpython,
                new BenchReport.CPythonComparison(pooled.rate() / cpython.rate(), verdicts), null)));

        assertEquals(List.of("schema", "candidates", "exercises", "gradings", "workers", "processors", "load_average",
                "python", "passes", "jvm_warm_up_gradings", "jvm_warm_up_ms", "pool", "memory",
                "pooled_vs_fresh_identical", "pooled_vs_fresh_gradings", "ratio", "verdicts", "by_exercise"), names(json));
        assertEquals("[{\"exercise\":\"q09-lru-cache\",\"p50_ms\":{\"pygrade pooled\":200,\"cpython\":200}}]",
                json.get("by_exercise").toString());
        JsonNode first = json.get("passes").get(0);
        assertEquals(List.of("name", "gradings", "wall_ms", "gradings_per_second", "warm_up_gradings", "warm_up_ms",
                "statuses", "p50_ms", "p99_ms", "ratio_to_cpython"), names(first));
        assertEquals(1.0, first.get("gradings_per_second").asDouble());
        assertEquals(0.23, first.get("ratio_to_cpython").asDouble(), "1/s against 4.29/s, to two decimals");
        assertEquals("{\"passed\":2,\"failed\":1}", first.get("statuses").toString());
        assertEquals(200, first.get("p50_ms").asLong());
        assertEquals(300, first.get("p99_ms").asLong());
        assertFalse(json.get("passes").get(1).has("ratio_to_cpython"), "CPython has no ratio to itself");
        assertEquals(4.29, json.get("passes").get(1).get("gradings_per_second").asDouble());
        assertEquals(0.23, json.get("ratio").asDouble());
        assertEquals(List.of("contexts_created", "contexts_reused", "contexts_discarded", "discarded_share"),
                names(json.get("pool")));
        assertEquals(0.33, json.get("pool").get("discarded_share").asDouble());
        assertEquals("{\"wall_ms\":10,\"internal_errors\":0,\"live_heap_bytes\":[{\"gradings\":3,\"bytes\":1000}]}",
                json.get("memory").toString());
        assertEquals("{\"gradings\":3,\"identical\":1,\"differences\":[{\"exercise\":\"q09-lru-cache\","
                + "\"fixture\":\"wrong.py\",\"check\":\"memoized\",\"pygrade\":\"failed\",\"cpython\":\"passed\","
                + "\"gradings\":2}]}", json.get("verdicts").toString());
    }

    @Test
    void withoutCPythonTheNoteStandsWhereTheComparisonWouldAndARatioOfNothingIsNull() throws Exception {
        Benchmark.Pass pooled = pass("pygrade pooled", 1000, Status.PASSED);
        JsonNode json = JSON.readTree(JSON.writeValueAsString(report(pooled, null, null, "skipped (--no-cpython)")));
        assertEquals("skipped (--no-cpython)", json.get("cpython").asText());
        assertFalse(json.has("ratio") || json.has("verdicts") || json.has("python") || json.has("cold_start"),
                json.toString());

        JsonNode instant = JSON.readTree(JSON.writeValueAsString(report(pooled, pooled,
                new BenchReport.CPythonComparison(null, new BenchReport.Verdicts(1, 1, List.of())), null)));
        assertTrue(instant.has("ratio") && instant.get("ratio").isNull(), instant.toString());
    }

    @Test
    void coldStartTimesKeepTheirFieldNames() throws Exception {
        JsonNode cold = JSON.readTree(JSON.writeValueAsString(BenchReport.ColdStartTimes.of(
                new ColdStart.Result(List.of(1000L, 1200L, 1100L), List.of(3000L, 3300L, 3100L)))));
        assertEquals(List.of("command", "with_cache_ms", "without_cache_ms", "median_with_cache_ms",
                "median_without_cache_ms", "ratio"), names(cold));
        assertEquals("./pygrade grade q09-lru-cache (reference)", cold.get("command").asText());
        assertEquals(1100, cold.get("median_with_cache_ms").asLong());
        assertEquals(0.35, cold.get("ratio").asDouble(), "1100 / 3100, to two decimals");
    }

    @Test
    void internalErrorsInAPassOrTheSoakMakeTheRunBroken() {
        Benchmark.Pass pooled = pass("pygrade pooled", 1000, Status.PASSED);
        assertFalse(report(pooled, null, null, "x").sawInternalErrors());
        Benchmark.Pass broken = pass("pygrade pooled", 1000, Status.PASSED, Status.INTERNAL_ERROR);
        assertTrue(report(broken, null, null, "x").sawInternalErrors());
    }

    @Test
    void textGivesEveryPassAndTheComparison() {
        Benchmark.Pass pooled = pass("pygrade pooled", 3000, Status.PASSED, Status.FAILED, Status.PASSED);
        Benchmark.Pass cpython = pass(Benchmark.CPYTHON, 700, Status.PASSED, Status.FAILED, Status.PASSED);
        StringWriter text = new StringWriter();
        BenchText.write(new PrintWriter(text), report(pooled, cpython, new BenchReport.CPythonComparison(
                pooled.rate() / cpython.rate(), new BenchReport.Verdicts(3, 3, List.of())), null));
        String out = text.toString();
        assertTrue(out.startsWith("pygrade bench: 1 candidate(s) x 1 exercise(s) = 3 gradings, 1 worker(s), "
                + "2 processor(s), load average 0.50"), out);
        assertTrue(out.contains("  pygrade pooled            3 gradings in      3.0 s =    1.00 gradings/s, "
                + "p50 200 ms, p99 300 ms   (warm-up: 2 gradings, 0.0 s, not counted)  {passed=2, failed=1}"), out);
        assertTrue(out.contains("  pool: 2 contexts created, 2 reused after verification, 1 discarded (33.0% of "
                + "gradings)"), out);
        assertTrue(out.contains("  ratio pygrade pooled / CPython processes: 0.23x"), out);
        assertFalse(out.contains("ratio cpython"), out);
        assertTrue(out.contains("  verdicts: 3 of 3 gradings identical check by check (pass/fail)"), out);
        assertTrue(out.contains("  furthest behind CPython (median ms of a grading, by pass):\n"
                + "    q09-lru-cache                 pooled 200  cpython 200\n"), out);
    }

    @Test
    void exerciseTimesTakeEachPassMedianAndRankByTheSlowestAgainstCPython() {
        Map<String, GradeResult> pooled = new java.util.HashMap<>();
        Map<String, GradeResult> cpython = new java.util.HashMap<>();
        long[][] durations = {{300, 100, 200}, {40, 60, 50}};
        for (int i = 0; i < 3; i++) {
            pooled.put("c" + i + "/a", new GradeResult("a", "x", Status.PASSED, 1, 1, durations[0][i], null, List.of()));
            cpython.put("c" + i + "/a", new GradeResult("a", "x", Status.PASSED, 1, 1, durations[1][i], null, List.of()));
        }
        List<BenchReport.ExerciseTimes> times = BenchReport.ExerciseTimes.of(List.of(
                new Benchmark.Pass("pygrade pooled", 1, pooled, 1, 0, 0),
                new Benchmark.Pass(Benchmark.CPYTHON, 1, cpython, 1, 0, 0)));
        assertEquals(List.of(new BenchReport.ExerciseTimes("a", Map.of("pygrade pooled", 200L, Benchmark.CPYTHON, 50L))),
                times);
        assertEquals(4.0, times.get(0).slowestToCpython());
    }
}
