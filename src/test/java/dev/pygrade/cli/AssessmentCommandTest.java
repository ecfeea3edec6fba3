package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.ServiceSettings;
import dev.pygrade.assessment.SubmitOutcome;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Status;
import dev.pygrade.services.Services;
import dev.pygrade.store.Database;
import dev.pygrade.store.DatabaseLocation;
import dev.pygrade.submission.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** pygrade assessment ... in-process, on a SQLite file in a temporary data folder. */
class AssessmentCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "q09-lru-cache";
    private static final String GOOD = CliRun.GOOD_FIBONACCI;
    private static final String WRONG = GOOD.replace("n < 2", "n < 3");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        List<String> argv = new ArrayList<>(List.of("assessment"));
        argv.addAll(List.of(args));
        argv.addAll(List.of("--data", dir.resolve("data").toString()));
        return CliRun.of(TestSandbox.services(), argv.toArray(String[]::new));
    }

    /** Candidates submit through the service, as the server will; graded here by a stand-in of the grader. */
    private void submit(String token, String code) throws Exception {
        try (Database database = Database.open(DatabaseLocation.sqliteIn(dir.resolve("data")));
             AssessmentService service = new AssessmentService(database, TestSandbox.exercises(),
                     (exercise, submission, limits) -> standIn(exercise.id(), submission),
                     ServiceSettings.defaults().withGrading(1, 4))) {
            service.start();
            SubmitOutcome outcome = service.submit(token, ID, Submission.ofSource("solution.py", "solution", code));
            long id = assertInstanceOf(SubmitOutcome.Accepted.class, outcome, outcome::toString).submissionId();
            assertTrue(service.awaitGraded(id, Duration.ofSeconds(60)).isPresent());
        }
    }

    private static GradeResult standIn(String exercise, Submission submission) {
        boolean right = submission.files().values().iterator().next().text().contains("n < 2");
        List<CheckResult> checks = List.of(
                new CheckResult("base_cases", "fibonacci(0) is 0", CheckStatus.PASSED, 1, 1, "", ""),
                new CheckResult("small_values", "small n", right ? CheckStatus.PASSED : CheckStatus.FAILED,
                        right ? 2 : 0, 2, right ? "" : "fibonacci(2): expected 1, got 2", ""));
        return new GradeResult(exercise, submission.label(), right ? Status.PASSED : Status.FAILED, right ? 3 : 1, 3, 5,
                null, checks);
    }

    private List<String> invite(String... names) {
        List<String> argv = new ArrayList<>(List.of("invite", "1"));
        argv.addAll(List.of(names));
        CliRun invited = run(argv.toArray(String[]::new));
        assertEquals(0, invited.code(), invited.err());
        List<String> tokens = new ArrayList<>();
        for (String line : invited.out().strip().split("\n")) {
            tokens.add(line.split("\t")[1]);
        }
        return tokens;
    }

    @Test
    void anInstructorCreatesInvitesReadsResultsAndExportsThem() throws Exception {
        CliRun created = run("create", "Week 1", "--exercise", ID, "--minutes", "45", "--attempts", "2");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().startsWith("created assessment 1: Week 1 (1 exercise, 45 min per candidate, "
                + "2 attempts each, feedback full)"), created.out());
        assertTrue(Files.isRegularFile(dir.resolve("data/pygrade.db")), "the database is created on first use");

        CliRun invited = run("invite", "1", "ada", "grace", "--base-url", "https://pygrade.example/take/");
        assertEquals(0, invited.code(), invited.err());
        String[] lines = invited.out().strip().split("\n");
        assertEquals(2, lines.length, invited.out());
        assertTrue(lines[0].startsWith("ada\thttps://pygrade.example/take/pgc_"), lines[0]);
        assertTrue(invited.err().contains("shown only now"), invited.err());
        String ada = lines[0].substring(lines[0].indexOf("pgc_"));
        String grace = lines[1].substring(lines[1].indexOf("pgc_"));
        submit(ada, WRONG);
        submit(ada, GOOD);
        submit(grace, WRONG);

        CliRun results = run("results", "1");
        assertEquals(0, results.code(), results.err());
        assertTrue(results.out().contains("ada "), results.out());
        assertTrue(results.out().contains("3/3 of 3, 2 att."), results.out());
        assertTrue(results.out().contains("1/1 of 3, 1 att."), results.out());
        JsonNode json = JSON.readTree(run("results", "1", "--format", "json").out());
        assertEquals(3.0, json.at("/candidates/0/exercises/" + ID + "/best").asDouble());
        assertEquals(1.0, json.at("/candidates/1/exercises/" + ID + "/last").asDouble());

        CliRun csv = run("export", "1", "--format", "csv", "--out", "-");
        assertEquals(0, csv.code(), csv.err());
        assertEquals("candidate," + ID + ",total,max_total\r\nada,3,3,3\r\ngrace,1,1,3\r\n", csv.out());
        CliRun last = run("export", "1", "--format", "jsonl", "--out", "-", "--pick", "last");
        String[] jsonl = last.out().strip().split("\n");
        assertEquals(2, jsonl.length);
        assertEquals("ada", JSON.readTree(jsonl[0]).get("candidate").asText());
        assertEquals(GradeResult.SCHEMA, JSON.readTree(jsonl[0]).get("schema").asText());
        Path junit = dir.resolve("out/junit.xml");
        assertEquals(0, run("export", "1", "--format", "junit", "--out", junit.toString()).code());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals("1", xml.getDocumentElement().getAttribute("failures"), "grace's small_values failed");
        assertEquals(0, run("export", "1", "--format", "gradescope", "--out", dir.resolve("gs").toString()).code());
        JsonNode gradescope = JSON.readTree(dir.resolve("gs/grace/" + ID + "/results.json").toFile());
        assertEquals(1.0, gradescope.get("score").asDouble());
        assertEquals("failed", gradescope.at("/tests/1/status").asText());

        CliRun attempts = run("submissions", "1", "ada", "--code");
        assertEquals(0, attempts.code(), attempts.err());
        assertTrue(attempts.out().contains("== submission 1: " + ID + ", attempt 1, "), attempts.out());
        assertTrue(attempts.out().contains("== submission 2: " + ID + ", attempt 2, "), attempts.out());
        assertTrue(attempts.out().contains("return n if n < 3"), "the code of attempt 1: " + attempts.out());
        assertTrue(attempts.out().contains("fibonacci(2): expected 1, got 2"), "every check's message: " + attempts.out());
        assertTrue(attempts.out().contains("(submission), checks "), attempts.out());
        JsonNode history = JSON.readTree(run("submissions", "1", "grace", "--format", "json").out());
        assertEquals(1, history.size());
        assertEquals(64, history.at("/0/gradings/0/receipt/code_sha256").asText().length());
        CliRun nobody = run("submissions", "1", "linus");
        assertEquals(2, nobody.code());
        assertTrue(nobody.err().contains("no candidate 'linus' in assessment 1"), nobody.err());

        CliRun similar = run("similarity", "1");
        assertEquals(0, similar.code(), similar.err());
        assertTrue(similar.out().contains(ID + ": 2 answer(s), 1 pair(s)"), similar.out());
        assertTrue(similar.out().contains("ada ~ grace"), similar.out());
        assertTrue(similar.out().contains("not a finding of copying"), similar.out());
    }

    @Test
    void aRegradeGradesStoredSubmissionsThroughTheRealGraderAndSaysWhatChanged() throws Exception {
        assertEquals(0, run("create", "Week 1", "--exercise", ID, "--minutes", "45").code());
        String ada = invite("ada").get(0);
        submit(ada, WRONG); // the stand-in gave it 1 of 3; the real checks of q09 weigh 10 in all
        CliRun regrade = run("regrade", "1", "--in-process", "--workers", "1", "--format", "json");
        assertEquals(0, regrade.code(), regrade.err());
        JsonNode report = JSON.readTree(regrade.out());
        assertEquals(1, report.get("regraded").asInt());
        JsonNode change = report.at("/changed/ada/0");
        assertEquals(1.0, change.get("old_score").asDouble());
        assertEquals(10.0, change.get("max_score").asDouble(), change.toString());
        assertTrue(change.get("new_score").asDouble() < 10.0, change.toString());
        assertEquals("failed", change.get("new_status").asText());
        List<String> receipt = new ArrayList<>();
        change.get("receipt_changed").forEach(part -> receipt.add(part.asText()));
        assertEquals(List.of(), receipt, "same exercise, code and pygrade: only the checks' outcomes differ");
        assertTrue(change.get("checks").size() >= 3, "checks the stand-in never ran are new: " + change);
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatToDo() {
        CliRun bare = CliRun.of(TestSandbox.services(), "assessment");
        assertEquals(2, bare.code());
        assertTrue(bare.err().contains("a subcommand is required"), bare.err());

        CliRun unknown = run("create", "x", "--exercise", "q99-nope", "--minutes", "5");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown exercise q99-nope"), unknown.err());

        CliRun badTime = run("create", "x", "--exercise", ID, "--minutes", "5", "--closes", "tomorrow");
        assertEquals(2, badTime.code());
        assertTrue(badTime.err().contains("--closes: 'tomorrow' is not a time"), badTime.err());

        CliRun backwards = run("create", "x", "--exercise", ID, "--minutes", "5", "--opens", "2026-03-02T09:00:00Z",
                "--closes", "2026-03-01T09:00:00Z");
        assertEquals(2, backwards.code());
        assertTrue(backwards.err().contains("must open before it closes"), backwards.err());

        CliRun feedback = run("create", "x", "--exercise", ID, "--minutes", "5", "--feedback", "some");
        assertEquals(2, feedback.code());
        assertTrue(feedback.err().contains("none_until_closed"), feedback.err());

        CliRun never = run("create", "x", "--exercise", ID, "--minutes", "5", "--feedback", "none_until_closed");
        assertEquals(2, never.code());
        assertTrue(never.err().contains("needs a close time"), never.err());

        CliRun missing = run("results", "42");
        assertEquals(2, missing.code());
        assertEquals("pygrade: no assessment 42\n", missing.err());

        CliRun format = run("export", "42", "--format", "xlsx", "--out", "-");
        assertEquals(2, format.code());

        CliRun mysql = CliRun.of(TestSandbox.services(), "assessment", "list", "--db", "jdbc:mysql://db/x");
        assertEquals(2, mysql.code());
        assertTrue(mysql.err().contains("--db: unsupported database URL"), mysql.err());

        CliRun down = CliRun.of(TestSandbox.services(), "assessment", "list", "--db",
                "jdbc:postgresql://127.0.0.1:1/pygrade?connectTimeout=2&password=hunter2");
        assertEquals(2, down.code());
        assertTrue(down.err().startsWith("pygrade: cannot open the database jdbc:postgresql://127.0.0.1:1/pygrade"),
                down.err());
        assertFalse(down.err().contains("hunter2"), down.err());
    }

    @Test
    void instructorTokensAreCreatedListedAndRevoked() {
        CliRun created = run("token", "create", "alice");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().strip().startsWith("pgi_"), created.out());
        assertTrue(created.err().contains("shown only now"), created.err());
        CliRun listed = run("token", "list");
        assertTrue(listed.out().startsWith("1  alice  created "), listed.out());
        assertFalse(listed.out().contains(created.out().strip()), "a token is never shown again");
        assertEquals(0, run("token", "revoke", "1").code());
        assertTrue(run("token", "list").out().contains("revoked"));
        CliRun again = run("token", "revoke", "1");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("no live instructor token 1"), again.err());
    }

    @Test
    void theDatabaseComesFromTheEnvironmentWhenNoOptionSaysOtherwise() {
        Services services = new Services(TestSandbox.home(), Map.of("PYGRADE_DATA", dir.resolve("env-data").toString()));
        CliRun created = CliRun.of(services, "assessment", "create", "x", "--exercise", ID, "--minutes", "5");
        assertEquals(0, created.code(), created.err());
        assertTrue(Files.isRegularFile(dir.resolve("env-data/pygrade.db")));
        CliRun both = CliRun.of(services, "assessment", "list", "--db", "jdbc:sqlite:x.db", "--data", "y");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --db or --data, not both"), both.err());
    }
}
