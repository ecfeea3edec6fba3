package dev.pygrade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.sandbox.Isolation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsolationByPlanTest {
    private static List<BatchTask> plan(int candidates, String... exerciseIds) {
        List<BatchTask> tasks = new ArrayList<>();
        for (String id : exerciseIds) {
            Exercise exercise = TestSandbox.exercises().find(id).orElseThrow();
            for (int i = 0; i < candidates; i++) {
                tasks.add(new BatchTask("c" + i, exercise, Path.of("c" + i, id + ".py")));
            }
        }
        return tasks;
    }

    @Test
    void aLongRunOfEachExerciseIsPooledAShortOneFresh() {
        assertEquals(Isolation.POOLED, IsolationByPlan.choose(plan(10, "q09-lru-cache", "q29-json")));
        assertEquals(Isolation.POOLED, IsolationByPlan.choose(plan(80, "q09-lru-cache")));
        assertEquals(Isolation.FRESH, IsolationByPlan.choose(plan(9, "q09-lru-cache", "q29-json")));
        assertEquals(Isolation.FRESH, IsolationByPlan.choose(plan(5, "q09-lru-cache")));
        assertEquals(Isolation.FRESH, IsolationByPlan.choose(List.of()));
    }
}
