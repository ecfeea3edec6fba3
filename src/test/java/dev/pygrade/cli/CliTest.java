package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.TestSandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command in-process, with injected streams: exit codes, stdout stays machine-readable. */
class CliTest {
    private static final String GOOD = CliRun.GOOD_FIBONACCI;

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(TestSandbox.services(), args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = run("--help");
        assertEquals(0, run.code());
        for (String line : new String[] {"0   full marks", "1   graded below full marks", "2   usage or input error",
                "3   internal error"}) {
            assertTrue(run.out().contains(line), "--help should list exit code: " + line + "\n" + run.out());
        }
    }

    @Test
    void listShowsIdSeedLevelAndTitle() {
        CliRun run = run("list");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("q09-lru-cache"), run.out());
        assertTrue(run.out().contains("Q9"), run.out());
        assertTrue(run.out().contains("Memoize Fibonacci"), run.out());
    }

    @Test
    void listAsJsonIsOneArray() throws IOException {
        CliRun run = run("list", "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode list = run.json();
        assertTrue(list.isArray() && list.size() >= 1, run.out());
        assertTrue(list.toString().contains("\"q09-lru-cache\""), run.out());
    }

    @Test
    void showPrintsThePromptButNeverTheChecksOrTheReference() throws IOException {
        CliRun run = run("show", "q09-lru-cache");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("fibonacci"), run.out());
        Path exercise = TestSandbox.home().resolve("exercises/q09-lru-cache");
        for (String hidden : new String[] {"checks.py", "reference.py"}) {
            for (String line : Files.readAllLines(exercise.resolve(hidden))) {
                if (line.strip().length() > 25) {
                    assertFalse(run.out().contains(line.strip()), "show leaks " + hidden + ": " + line);
                }
            }
        }
    }

    @Test
    void fullMarksAsJsonIsExitZeroAndOnlyJsonOnStdout() throws IOException {
        CliRun run = run("grade", "q09-lru-cache", write("answer.py", GOOD).toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode result = run.json();
        assertEquals("pygrade.result/2", result.get("schema").asText());
        assertEquals("passed", result.get("status").asText());
        assertEquals(result.get("max_score").asDouble(), result.get("score").asDouble());
        assertEquals(5, result.get("checks").size());
        for (JsonNode check : result.get("checks")) {
            for (String field : new String[] {"name", "description", "status", "score", "max_score", "message",
                    "output"}) {
                assertTrue(check.has(field), "check lacks " + field + ": " + check);
            }
        }
    }

    @Test
    void belowFullMarksIsExitOneWithTheReasonInTheTextReport() throws IOException {
        Path answer = write("answer.py", GOOD.replace("n < 2", "n < 3"));
        CliRun run = run("grade", "q09-lru-cache", answer.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().contains("fibonacci(2): expected 1, got 2"), run.out());
        assertTrue(run.out().contains("Score: "), run.out());
    }

    @Test
    void candidateOutputNeverMixesWithTheJsonOnStdout() throws IOException {
        Path answer = write("noisy.py", """
                import sys
                print('{"status": "passed", "score": 10}')
                sys.__stdout__.write("raw write\\n")
                sys.stderr.write("to stderr\\n")
                """ + GOOD);
        CliRun run = run("grade", "q09-lru-cache", answer.toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        assertEquals("passed", run.json().get("status").asText());
        assertFalse(run.out().contains("raw write\n"), run.out());
    }

    @Test
    void syntaxErrorIsLocatedInTheCandidatesFile() throws IOException {
        Path answer = write("broken.py", "from functools import lru_cache\n\ndef fibonacci(n:\n    return n\n");
        CliRun run = run("grade", "q09-lru-cache", answer.toString(), "--format", "json");
        assertEquals(1, run.code(), run.err());
        JsonNode result = run.json();
        assertEquals("error", result.get("status").asText());
        assertEquals("syntax", result.at("/error/kind").asText());
        assertEquals("broken.py", result.at("/error/file").asText());
        assertEquals(3, result.at("/error/line").asInt());
        assertEquals(0.0, result.get("score").asDouble());
    }

    @Test
    void exitAtImportIsAnErrorAndTheGraderGoesOn() throws IOException {
        CliRun run = run("grade", "q09-lru-cache", write("quits.py", "import sys\nsys.exit(0)\n").toString(),
                "--format", "json");
        assertEquals(1, run.code(), run.err());
        assertEquals("error", run.json().get("status").asText());
        assertEquals("exit", run.json().at("/error/kind").asText());
        CliRun after = run("grade", "q09-lru-cache", write("answer.py", GOOD).toString());
        assertEquals(0, after.code(), after.out() + after.err());
    }

    @Test
    void infiniteLoopAtImportTimesOutCloseToTheLimit() throws IOException {
        run("grade", "q09-lru-cache", write("answer.py", GOOD).toString()); // the first context costs seconds
        long started = System.nanoTime();
        CliRun run = run("grade", "q09-lru-cache", write("loop.py", "while True:\n    pass\n").toString(),
                "--format", "json", "--timeout", "1");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, run.code(), run.err());
        assertEquals("timeout", run.json().get("status").asText());
        assertTrue(millis < 1000 + 4000, "a 1 s limit took " + millis + " ms");
    }

    @Test
    void unknownExerciseIsAUsageErrorWithNothingOnStdout() throws IOException {
        CliRun run = run("grade", "q99-nope", write("answer.py", GOOD).toString(), "--format", "json");
        assertEquals(2, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().contains("q99-nope"), run.err());
    }

    @Test
    void missingSubmissionIsAUsageError() {
        CliRun run = run("grade", "q09-lru-cache", dir.resolve("nowhere.py").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("nowhere.py"), run.err());
    }

    @Test
    void nonUtf8SourceIsAUsageErrorNamingTheLine() throws IOException {
        Path answer = dir.resolve("latin1.py");
        Files.write(answer, "x = 1\ny = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = run("grade", "q09-lru-cache", answer.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("latin1.py") && run.err().contains("line 2"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void emptySubmissionIsAUsageError() throws IOException {
        CliRun run = run("grade", "q09-lru-cache", write("empty.py", "\n  \n").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("empty"), run.err());
    }

    @Test
    void zipThatEscapesItsFolderIsRefused() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("../../etc/solution.py"));
            out.write(GOOD.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        CliRun run = run("grade", "q09-lru-cache", zip.toString());
        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("evil.zip"), run.err());
    }

    @Test
    void zipWithOneModuleIsGraded() throws IOException {
        Path zip = dir.resolve("answer.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("solution.py"));
            out.write(GOOD.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        CliRun run = run("grade", "q09-lru-cache", zip.toString(), "--format", "json");
        assertEquals(0, run.code(), run.out() + run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = run("grade", "--frobnicate");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--help"), run.err());
    }

    @Test
    void badFormatIsAUsageError() throws IOException {
        CliRun run = run("grade", "q09-lru-cache", write("answer.py", GOOD).toString(), "--format", "yaml");
        assertEquals(2, run.code());
        assertEquals("", run.out());
    }
}
