package dev.pygrade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import dev.pygrade.report.CandidateResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLogTest {
    @TempDir
    Path dir;

    static CandidateResult line(String candidate, double score) {
        return new CandidateResult(candidate, new GradeResult("q09-lru-cache", candidate + "/q09-lru-cache.py",
                score == 1 ? Status.PASSED : Status.FAILED, score, 1, 12, null,
                List.of(new CheckResult("base_cases", "fibonacci(0) is 0", score == 1 ? CheckStatus.PASSED
                        : CheckStatus.FAILED, score, 1, score == 1 ? "" : "expected 0, got 1", ""))));
    }

    @Test
    void aLineRoundTripsWithTheCandidateFirst() {
        CandidateResult line = line("alice", 1);
        String json = line.toJsonLine();
        assertTrue(json.startsWith("{\"candidate\":\"alice\",\"schema\":\"pygrade.result/2\""), json);
        assertEquals(line, CandidateResult.fromJsonLine(json));
    }

    @Test
    void aTornLastLineIsDroppedAndCutFromTheFile() throws IOException {
        Path file = dir.resolve(ResultsLog.FILE);
        try (ResultsLog log = ResultsLog.append(file)) {
            log.write(line("alice", 1));
            log.write(line("bob", 0));
        }
        String whole = Files.readString(file);
        Files.writeString(file, line("carol", 1).toJsonLine().substring(0, 40), StandardOpenOption.APPEND);
        assertTrue(ResultsLog.torn(file));
        assertEquals(List.of(line("alice", 1), line("bob", 0)), ResultsLog.load(file, true));
        assertEquals(whole, Files.readString(file), "the torn line is cut");
        assertFalse(ResultsLog.torn(file));
        try (ResultsLog log = ResultsLog.append(file)) {
            log.write(line("carol", 1));
        }
        assertEquals(3, ResultsLog.load(file, false).size());
    }

    @Test
    void aCompleteLineThatIsNotAResultIsAnErrorWithItsLineNumber() throws IOException {
        Path file = dir.resolve(ResultsLog.FILE);
        Files.writeString(file, line("alice", 1).toJsonLine() + "\n{\"hello\": 1}\n", StandardCharsets.UTF_8);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ResultsLog.load(file, true));
        assertTrue(bad.getMessage().contains(":2:"), bad.getMessage());
    }

    @Test
    void mergeKeepsIdenticalDuplicatesOnceAndRefusesConflicts() {
        ResultsMerger merger = new ResultsMerger();
        merger.add("a", List.of(line("alice", 1), line("bob", 0)));
        merger.add("b", List.of(line("alice", 1)));
        assertEquals(2, merger.merged().size());
        assertEquals(1, merger.duplicates());
        IllegalArgumentException conflict = assertThrows(IllegalArgumentException.class,
                () -> merger.add("c", List.of(line("bob", 1))));
        assertTrue(conflict.getMessage().contains("bob/q09-lru-cache"), conflict.getMessage());
    }
}
