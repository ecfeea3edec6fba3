package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.Poll;
import dev.pygrade.TestSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * pygrade batch at length: a batch process killed midway and resumed, and contaminating answers
 * in a pooled batch (every contamination fixture of q09-lru-cache).
 */
class BatchCommandIT extends BatchCommandBase {
    @Test
    void aBatchKilledMidwayAndResumedLosesNothingAndRecordsNothingTwice() throws Exception {
        List<String> candidates = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
        for (int i = 0; i < candidates.size(); i++) {
            answer(candidates.get(i), i % 2 == 0 ? GOOD : WRONG);
        }
        Path results = dir.resolve("results");
        Path file = results.resolve("results.jsonl");
        String submissions = dir.resolve("submissions").toString();
        String javaBinary = ProcessHandle.current().info().command().orElseThrow();
        Process batch = new ProcessBuilder(javaBinary, "--enable-native-access=ALL-UNNAMED",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Dpygrade.home=" + TestSandbox.home(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "batch", submissions, "--out", results.toString(), "--in-process", "--workers", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int before;
        try {
            Poll.until(Duration.ofMinutes(5), () -> completeLines(file) >= 2 || !batch.isAlive());
            assertTrue(batch.isAlive(), "the batch ended before it could be killed: make it longer");
        } finally {
            batch.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            batch.waitFor();
        }
        before = completeLines(file);
        assertTrue(before >= 2 && before < candidates.size(), "killed midway, after " + before + " gradings");

        CliRun resumed = run("batch", submissions, "--out", results.toString(), "--resume", "--format", "json");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertEquals(candidates.size() - before, resumed.json().get("graded_now").asInt(), resumed.out());
        List<JsonNode> after = lines(results);
        assertEquals(candidates.size(), after.size(), "one line per pair, none twice");
        Map<String, JsonNode> graded = byCandidate(after);
        assertEquals(Set.copyOf(candidates), graded.keySet());
        for (int i = 0; i < candidates.size(); i++) {
            assertEquals(i % 2 == 0 ? "passed" : "failed", graded.get(candidates.get(i)).get("status").asText());
        }
    }

    /** Lines of results.jsonl that end with a newline (the last one may be torn by a kill). */
    private static int completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /**
     * Contamination in a batch with two workers sharing warm contexts: each contaminating answer
     * is followed by honest ones, and the honest candidates get exactly what a batch in fresh
     * contexts gives them.
     */
    @Test
    void contaminatingCandidatesCannotChangeHonestResultsInAPooledBatch() throws Exception {
        JsonNode manifest = JSON.readTree(TestSandbox.fixtures().resolve("contamination/contamination.json").toFile());
        List<String> honest = new ArrayList<>();
        int index = 0;
        for (var names = manifest.fieldNames(); names.hasNext(); ) {
            String file = names.next();
            if (file.startsWith("_") || !manifest.get(file).get("exercise").asText().equals(ID)) {
                continue;
            }
            index++;
            answer(String.format("c%02d-a-dirty", index),
                    Files.readString(TestSandbox.fixtures().resolve("contamination").resolve(file)));
            String candidate = String.format("c%02d-b-honest", index);
            answer(candidate, index % 2 == 0 ? GOOD : WRONG);
            honest.add(candidate);
        }
        Path fresh = dir.resolve("honest-only");
        for (String candidate : honest) {
            Path file = fresh.resolve(candidate).resolve(ID + ".py");
            Files.createDirectories(file.getParent());
            Files.copy(dir.resolve("submissions").resolve(candidate).resolve(ID + ".py"), file);
        }
        CliRun pooled = run("batch", dir.resolve("submissions").toString(), "--out", dir.resolve("pooled").toString(),
                "--workers", "2", "--isolation", "pooled");
        CliRun alone = run("batch", fresh.toString(), "--out", dir.resolve("fresh").toString(), "--workers", "2",
                "--isolation", "fresh");
        assertTrue(pooled.code() <= 1 && alone.code() <= 1, pooled.err() + alone.err());
        Map<String, JsonNode> pooledResults = byCandidate(lines(dir.resolve("pooled")));
        Map<String, JsonNode> freshResults = byCandidate(lines(dir.resolve("fresh")));
        for (String candidate : honest) {
            assertEquals(verdict(freshResults.get(candidate)), verdict(pooledResults.get(candidate)), candidate);
        }
    }

    private static String verdict(JsonNode result) {
        StringBuilder text = new StringBuilder(result.get("status").asText() + " " + result.get("score").asDouble());
        result.get("checks").forEach(check -> text.append(" ").append(check.get("name").asText()).append('=')
                .append(check.get("status").asText()));
        return text.toString();
    }
}
