package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.cpython.CPythonRunner;
import dev.pygrade.services.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pygrade bench, as small as it gets: one candidate, one exercise, one worker. */
class BenchCommandTest {
    @Test
    void oneGradingOnBothSides() throws Exception {
        String path = System.getenv().getOrDefault("PATH", "");
        Services services = new Services(TestSandbox.home(), Map.of("PATH", path));
        boolean python = CPythonRunner.findPython(Map.of("PATH", path)).isPresent();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pygrade.run(new String[] {"bench", "--candidates", "1", "--exercise", "q09-lru-cache",
                "--workers", "1", "--memory", "3", "--warm-up", "1", "--format", "json"}, new PrintWriter(out), new PrintWriter(err), services);
        assertEquals(0, code, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals("pygrade.bench/1", report.get("schema").asText());
        assertEquals(1, report.get("gradings").asInt());
        assertTrue(report.get("jvm_warm_up_gradings").asInt() >= 2,
                "a round at least: the plan's one grading in a pooled, then in a fresh context: " + report);
        JsonNode pygrade = report.get("passes").get(0);
        assertEquals("pygrade pooled", pygrade.get("name").asText());
        assertEquals(1, pygrade.get("gradings").asInt());
        assertEquals(1, pygrade.get("statuses").get("passed").asInt(), "candidate 1 answers with the reference");
        assertTrue(pygrade.get("p50_ms").asLong() > 0, report.toString());
        JsonNode fresh = report.get("passes").get(1);
        assertEquals("pygrade fresh", fresh.get("name").asText());
        assertEquals(1, fresh.get("statuses").get("passed").asInt());
        assertEquals(1, report.get("pooled_vs_fresh_identical").asInt());
        JsonNode pool = report.get("pool");
        assertTrue(pool.get("contexts_created").asLong() + pool.get("contexts_reused").asLong() >= 1,
                "the pooled pass's contexts were created or reused (the JVM's warm-up may have made them): " + pool);
        assertTrue(err.toString().contains("pygrade bench: pygrade, in process"), err.toString());
        JsonNode memory = report.get("memory").get("live_heap_bytes");
        assertEquals(1, memory.size(), "one sample: after all 3 gradings");
        assertEquals(3, memory.get(0).get("gradings").asInt());
        assertTrue(memory.get(0).get("bytes").asLong() > 0, memory.toString());
        assertEquals(0, report.get("memory").get("internal_errors").asInt());
        if (python) {
            assertEquals(3, report.get("passes").size());
            assertEquals(1, report.get("passes").get(2).get("statuses").get("passed").asInt());
            assertEquals(1, report.get("verdicts").get("identical").asInt());
            assertEquals(0, report.get("verdicts").get("differences").size());
            assertTrue(report.get("ratio").asDouble() > 0);
        } else {
            assertTrue(report.get("cpython").asText().contains("no python3"));
        }
    }
}
