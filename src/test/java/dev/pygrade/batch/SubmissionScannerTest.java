package dev.pygrade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.report.SkippedEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout of a submissions folder, read without grading. */
class SubmissionScannerTest {
    @TempDir
    Path dir;

    private void touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x = 1\n");
    }

    @Test
    void answersAreFilesFoldersOrZipsNamedAfterExercisesAndTheRestIsSkippedWithAReason() throws IOException {
        touch("alice/q09-lru-cache.py");
        touch("alice/q29-json/solution.py");
        touch("alice/notes.txt");
        touch("alice/.DS_Store");
        touch("bob/q16-abstract-shape.zip");
        touch("bob/q09-lru-cache.py");
        touch("bob/q09-lru-cache/solution.py");
        touch("README.md");
        touch("results/results.jsonl");
        SubmissionScanner scanner = new SubmissionScanner(TestSandbox.exercises()::find, Set.of());
        BatchPlan plan = scanner.scan(dir, dir.resolve("results"));
        List<String> tasks = plan.tasks().stream().map(task -> task.key().toString()).toList();
        assertEquals(List.of("alice/q09-lru-cache", "alice/q29-json", "bob/q09-lru-cache", "bob/q16-abstract-shape"),
                tasks);
        List<String> skipped = plan.skipped().stream().map(SkippedEntry::path).toList();
        assertEquals(List.of("README.md", "alice/notes.txt", "bob/q09-lru-cache.py"), skipped);
        assertTrue(plan.skipped().get(1).reason().contains("not named after an exercise"));
        assertTrue(plan.skipped().get(2).reason().contains("second answer"), plan.skipped().get(2).reason());

        BatchPlan only = new SubmissionScanner(TestSandbox.exercises()::find, Set.of("q29-json")).scan(dir);
        assertEquals(List.of("alice/q29-json"), only.tasks().stream().map(task -> task.key().toString()).toList());
    }
}
