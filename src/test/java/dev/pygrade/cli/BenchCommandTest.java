package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.bench.CPythonRunner;
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
                "--workers", "1", "--format", "json"}, new PrintWriter(out), new PrintWriter(err), services);
        assertEquals(0, code, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals("pygrade.bench/1", report.get("schema").asText());
        assertEquals(1, report.get("gradings").asInt());
        JsonNode pygrade = report.get("passes").get(0);
        assertEquals("pygrade in-process", pygrade.get("name").asText());
        assertEquals(1, pygrade.get("gradings").asInt());
        assertEquals(1, pygrade.get("statuses").get("passed").asInt(), "candidate 1 answers with the reference");
        assertTrue(err.toString().contains("pygrade bench: pygrade, in process"), err.toString());
        if (python) {
            assertEquals(2, report.get("passes").size());
            assertEquals(1, report.get("passes").get(1).get("statuses").get("passed").asInt());
            assertEquals(1, report.get("verdicts").get("identical").asInt());
            assertEquals(0, report.get("verdicts").get("differences").size());
            assertTrue(report.get("ratio").asDouble() > 0);
        } else {
            assertTrue(report.get("cpython").asText().contains("no python3"));
        }
    }
}
