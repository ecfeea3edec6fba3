package dev.pygrade.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm-up choice and the verdict comparison, on made-up results (no grading runs). */
class BenchmarkTest {
    private static final Exercise Q09 = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
    private static final List<BenchPlan.Item> PLAN = BenchPlan.build(List.of(Q09), TestSandbox.fixtures(), 3);

    private static GradeResult result(CheckStatus... statuses) {
        List<CheckResult> checks = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            checks.add(new CheckResult("c" + i, "", statuses[i], 0, 1, "", ""));
        }
        return new GradeResult(Q09.id(), "x", Status.FAILED, 0, statuses.length, 1, null, checks);
    }

    private static Benchmark.Pass pass(String name, GradeResult... results) {
        Map<String, GradeResult> map = new HashMap<>();
        for (int i = 0; i < results.length; i++) {
            map.put(Benchmark.key(PLAN.get(i).candidate(), Q09.id()), results[i]);
        }
        return new Benchmark.Pass(name, 1, map, 1000, 0, 0);
    }

    @Test
    void warmUpIsTwicePerWorkerSpreadOverThePlan() {
        List<BenchPlan.Item> plan = BenchPlan.build(TestSandbox.exercises().all(), TestSandbox.fixtures(), 4);
        List<BenchPlan.Item> warm = new Benchmark(plan, 2).warmUp();
        assertEquals(4, warm.size());
        assertEquals(4, warm.stream().map(item -> item.exercise().id()).distinct().count());
        assertEquals(3, new Benchmark(PLAN, 8).warmUp().size(), "never more than the plan");
    }

    @Test
    void jvmWarmUpGradesTheWarmUpSetThroughEachGradingInTurnUntilItsTimeIsUp() {
        Benchmark bench = new Benchmark(PLAN, 1);
        List<String> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        dev.pygrade.grading.Grading first = (exercise, submission, limits) -> {
            calls.add("first");
            return result(CheckStatus.PASSED);
        };
        dev.pygrade.grading.Grading second = (exercise, submission, limits) -> {
            calls.add("second");
            return result(CheckStatus.PASSED);
        };
        assertEquals(0, bench.warmUpJvm(List.of(first, second), java.time.Duration.ZERO, Exercise::limits));
        assertEquals(List.of(), calls, "no warm-up asked: nothing graded");

        int graded = bench.warmUpJvm(List.of(first, second), java.time.Duration.ofMillis(1), Exercise::limits);
        assertEquals(List.of("first", "first", "second", "second"), calls,
                "one round at least: the warm-up set (2 gradings for 1 worker) through each in turn");
        assertEquals(4, graded);

        calls.clear();
        long started = System.nanoTime();
        graded = bench.warmUpJvm(List.of(first, second), java.time.Duration.ofMillis(300), Exercise::limits);
        org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - started >= 300_000_000L,
                "it lasts at least the time asked");
        assertEquals(calls.size(), graded);
        org.junit.jupiter.api.Assertions.assertTrue(graded % 4 == 0 && graded > 4, "whole rounds, several: " + graded);
    }

    @Test
    void verdictsComparedCheckByCheckOnPassOrNot() {
        Benchmark bench = new Benchmark(PLAN, 1);
        Benchmark.Pass pygrade = pass("p", result(CheckStatus.PASSED, CheckStatus.FAILED),
                result(CheckStatus.PASSED, CheckStatus.ERROR), result(CheckStatus.PASSED, CheckStatus.PASSED));
        Benchmark.Pass cpython = pass("c", result(CheckStatus.PASSED, CheckStatus.ERROR),
                result(CheckStatus.PASSED, CheckStatus.PASSED), result(CheckStatus.PASSED, CheckStatus.PASSED));
        Benchmark.Agreement agreement = bench.compare(pygrade, cpython);
        assertEquals(3, agreement.gradings());
        assertEquals(2, agreement.identical(), "failed vs error is the same verdict: not passed");
        assertEquals(List.of(new Benchmark.Difference(Q09.id(), PLAN.get(1).answer().name(), "c1", "error", "passed")),
                agreement.differences());
        assertEquals(1.0, pygrade.rate() / 3);
    }
}
