package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small unittest file per behaviour of {@code grade --checks} (src/test/resources/unittest/
 * behaviours/NAME/: NAME_test.py, solution.py, expected.json): every test gets the verdict
 * recorded in expected.json, which is CPython's unittest verdict except where "not_as_cpython"
 * says why (forged passes). With python3 present, the recorded verdicts are proven CPython's.
 */
class UnittestBehavioursTest {
    private static final Path BEHAVIOURS = TestSandbox.home().resolve("src/test/resources/unittest/behaviours");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> behaviours() throws IOException {
        try (Stream<Path> folders = Files.list(BEHAVIOURS)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviours")
    void everyTestGetsItsRecordedVerdict(String behaviour) throws IOException {
        Path folder = BEHAVIOURS.resolve(behaviour);
        CliRun run = CliRun.of(TestSandbox.services(), "grade", "--checks",
                folder.resolve(behaviour + "_test.py").toString(), "--module", "solution",
                folder.resolve("solution.py").toString(),
                "--format", "json");
        JsonNode result = run.json();
        Map<String, String> got = new TreeMap<>();
        double maxScore = 0;
        for (JsonNode check : result.get("checks")) {
            got.put(check.get("name").asText(), check.get("status").asText());
            if (check.get("status").asText().equals("skipped")) {
                assertEquals(0.0, check.get("max_score").asDouble(), "a skipped test is not part of the score");
            } else {
                maxScore += 1;
            }
        }
        assertEquals(verdicts(folder), got, run.out());
        assertEquals(maxScore, result.get("max_score").asDouble(), run.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviours")
    void theRecordedVerdictsAreCPythons(String behaviour) throws IOException, InterruptedException {
        Path folder = BEHAVIOURS.resolve(behaviour);
        Process process;
        try {
            process = new ProcessBuilder("python3", "-I", BEHAVIOURS.resolve("cpython_outcomes.py").toString(),
                    folder.toString()).redirectErrorStream(false).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        Map<String, String> cpython = new TreeMap<>();
        JSON.readTree(out).fields().forEachRemaining(entry -> cpython.put(entry.getKey(), entry.getValue().asText()));
        Map<String, String> expected = new TreeMap<>(verdicts(folder));
        JsonNode differences = JSON.readTree(folder.resolve("expected.json").toFile()).path("not_as_cpython");
        differences.fields().forEachRemaining(entry -> {
            JsonNode theirs = entry.getValue().get("cpython");
            if (theirs.isNull()) {
                expected.remove(entry.getKey());
            } else {
                expected.put(entry.getKey(), theirs.asText());
            }
        });
        assertEquals(expected, cpython);
    }

    private static Map<String, String> verdicts(Path folder) throws IOException {
        Map<String, String> verdicts = new TreeMap<>();
        JSON.readTree(folder.resolve("expected.json").toFile()).get("verdicts").fields()
                .forEachRemaining(entry -> verdicts.put(entry.getKey(), entry.getValue().asText()));
        return verdicts;
    }
}
