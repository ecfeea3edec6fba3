package dev.pygrade.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.grading.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The load test's plan and report, without a server (the run itself is `pygrade loadtest`). */
class LoadTestPlanTest {
    @Test
    void theMixIsTwelveCorrectFiveWrongThreeHostileOfEveryTwentyAndRepeatable() {
        LoadPlan plan = LoadPlan.build(TestSandbox.home(), 1000, 7);
        assertEquals(1000, plan.submissions().size());
        assertEquals(600, plan.count(LoadPlan.Kind.CORRECT));
        assertEquals(250, plan.count(LoadPlan.Kind.WRONG));
        assertEquals(150, plan.count(LoadPlan.Kind.HOSTILE));
        LoadPlan again = LoadPlan.build(TestSandbox.home(), 1000, 7);
        assertEquals(plan.submissions().stream().map(LoadPlan.Planned::name).toList(),
                again.submissions().stream().map(LoadPlan.Planned::name).toList());
        Set<String> hostile = Set.copyOf(plan.submissions().stream().filter(s -> s.kind() == LoadPlan.Kind.HOSTILE)
                .map(LoadPlan.Planned::name).toList());
        assertTrue(hostile.contains("memory_bomb_call.py") && hostile.contains("loop_import.py"), hostile.toString());
        assertTrue(plan.submissions().stream().allMatch(s -> s.kind() != LoadPlan.Kind.CORRECT
                || s.expected().status() == Status.PASSED));
        assertTrue(plan.submissions().stream().anyMatch(s -> s.expected().refused()), "unreadable answers are in");
    }

    @Test
    void percentilesAndThroughput() {
        long[] latencies = new long[100];
        for (int i = 0; i < 100; i++) {
            latencies[i] = 100 - i; // 1..100 ms, unsorted
        }
        LoadReport report = new LoadReport(100, 100, List.of(), 0, 3, latencies, 50.0);
        assertEquals(50, report.percentile(50));
        assertEquals(99, report.percentile(99));
        assertEquals(100, report.percentile(100));
        assertEquals(2.0, report.throughput());
        assertTrue(report.passed());
        assertTrue(!new LoadReport(100, 99, List.of(), 1, 0, latencies, 50.0).passed(), "a lost submission fails it");
        assertTrue(!new LoadReport(100, 100, List.of("x"), 0, 0, latencies, 50.0).passed(), "a wrong verdict fails it");
    }

    @Test
    void verdictsAreCheckedByStatusScoreAndFailingChecks() {
        LoadPlan.Expected threeOfTen = new LoadPlan.Expected(Status.FAILED, 3, Set.of("small_values"), null);
        assertNull(LoadRunner.mismatch(threeOfTen, FakeResponse.of(200, result("failed", 3, "small_values"))));
        assertNotNull(LoadRunner.mismatch(threeOfTen, FakeResponse.of(200, result("failed", 3, "large_n"))));
        assertNotNull(LoadRunner.mismatch(threeOfTen, FakeResponse.of(200, result("passed", 10, null))));
        assertNotNull(LoadRunner.mismatch(threeOfTen, FakeResponse.of(503, "{\"message\": \"shutting down\"}")));
        LoadPlan.Expected refused = new LoadPlan.Expected(Status.ERROR, 0, null, "not UTF-8");
        assertNull(LoadRunner.mismatch(refused, FakeResponse.of(400, "{\"message\": \"solution.py: error: is not "
                + "UTF-8 text\"}")));
        assertNotNull(LoadRunner.mismatch(refused, FakeResponse.of(200, result("error", 0, null))));
        LoadPlan.Expected bomb = new LoadPlan.Expected(Status.MEMORY, 0, null, null);
        assertNull(LoadRunner.mismatch(bomb, FakeResponse.of(200, result("memory", 0, null))));
        assertNull(LoadRunner.mismatch(bomb, FakeResponse.of(200, result("timeout", 0, null))), "a limit stopped it");
        assertNotNull(LoadRunner.mismatch(bomb, FakeResponse.of(200, result("failed", 0, null))));
        assertNotNull(LoadRunner.mismatch(threeOfTen, FakeResponse.of(200, result("timeout", 3, "small_values"))));
    }

    private static String result(String status, double score, String failing) {
        String check = failing == null ? "" : "{\"name\": \"" + failing + "\", \"status\": \"failed\"}";
        return "{\"status\": \"" + status + "\", \"score\": " + score + ", \"checks\": [" + check + "]}";
    }
}
