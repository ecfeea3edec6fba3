package dev.pygrade.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The synthetic batch: fixed, every exercise, only bounded reference/alt/wrong answers. */
class BenchPlanTest {
    private static final List<Exercise> ALL = TestSandbox.exercises().all();

    private static List<BenchPlan.Item> plan(int candidates) {
        return BenchPlan.build(ALL, TestSandbox.fixtures(), candidates);
    }

    @Test
    void deterministic() {
        List<String> first = plan(20).stream().map(BenchPlanTest::describe).toList();
        List<String> second = plan(20).stream().map(BenchPlanTest::describe).toList();
        assertEquals(first, second);
    }

    @Test
    void everyCandidateAnswersEveryExercise() {
        List<BenchPlan.Item> plan = plan(20);
        assertEquals(20 * ALL.size(), plan.size());
        assertTrue(ALL.size() >= 20, "the bundled exercises are all there");
        for (Exercise exercise : ALL) {
            Set<String> candidates = plan.stream().filter(item -> item.exercise().id().equals(exercise.id()))
                    .map(BenchPlan.Item::candidate).collect(Collectors.toSet());
            assertEquals(20, candidates.size(), exercise.id());
        }
    }

    @Test
    void roundRobinOverReferenceAltAndWrong() {
        for (Exercise exercise : ALL) {
            List<BenchPlan.Answer> pool = BenchPlan.pool(exercise, TestSandbox.fixtures().resolve(exercise.id()));
            assertEquals("reference", pool.get(0).name(), exercise.id());
            assertTrue(pool.stream().anyMatch(a -> a.name().startsWith("alt_")), exercise.id());
            assertTrue(pool.stream().anyMatch(a -> a.name().startsWith("wrong_")), exercise.id());
            List<BenchPlan.Item> items = plan(2 * pool.size()).stream()
                    .filter(item -> item.exercise().id().equals(exercise.id())).toList();
            for (int i = 0; i < items.size(); i++) {
                assertEquals(pool.get(i % pool.size()), items.get(i).answer(), exercise.id() + " candidate " + i);
            }
        }
    }

    @Test
    void noForgeHostileOrUnboundedFixtures() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (BenchPlan.Item item : plan(40)) {
            String name = item.answer().name();
            String path = item.answer().path().toString();
            assertFalse(name.startsWith("forge_"), path);
            assertFalse(path.contains("hostile"), path);
            if (!name.equals("reference")) {
                assertTrue(name.startsWith("alt_") || name.startsWith("wrong_"), path);
                JsonNode expected = json.readTree(item.answer().path().getParent().resolve("expected.json").toFile());
                String status = expected.path(name).path("status").asText();
                assertFalse(status.equals("timeout") || status.equals("memory"), path + " is " + status);
            }
        }
    }

    private static String describe(BenchPlan.Item item) {
        return item.candidate() + " " + item.exercise().id() + " " + item.answer().path();
    }
}
