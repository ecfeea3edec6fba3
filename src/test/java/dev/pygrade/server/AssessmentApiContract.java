package dev.pygrade.server;

import static dev.pygrade.server.ServerApiTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.assessment.MutableClock;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grading;
import dev.pygrade.grading.Status;
import dev.pygrade.store.DatabaseLocation;
import dev.pygrade.submission.Submission;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assessment routes over HTTP, against a real server and a real database (SQLite in
 * {@link AssessmentApiTest}, PostgreSQL in {@link AssessmentApiPostgresIT}), with a grading in
 * microseconds: the instructor's routes need their token, a candidate sees only their own
 * assessment and submissions, refusals say why, bodies are bounded, and tokens stay out of the
 * access log and of caches.
 */
abstract class AssessmentApiContract {
    static final String LRU = "q09-lru-cache";
    static final String GETATTR = "q10-getattr";
    static final String ANSWER = """
            from functools import lru_cache

            @lru_cache(maxsize=None)
            def fibonacci(n):
                if n < 2:
                    return n
                return fibonacci(n - 1) + fibonacci(n - 2)
            """;
    /** ANSWER with its names changed: the same answer to the similarity report. */
    static final String RENAMED = ANSWER.replace("(n", "(k").replace("n <", "k <")
            .replace("return n", "return k");
    static final String LOUD = "def fibonacci(n):\n    print(n)\n    return n\n";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** Check "returns" (2 marks) passes when the answer holds "return", check "quiet" (1) when it has no print. */
    static final class AnswerGrading implements Grading {
        @Override
        public GradeResult grade(Exercise exercise, Submission submission, Limits limits) {
            String code = String.join("\n", submission.files().values().stream().map(Submission.SourceFile::text)
                    .toList());
            List<CheckResult> checks = List.of(
                    check("returns", code.contains("return"), 2, "expected a return statement in fibonacci"),
                    check("quiet", !code.contains("print"), 1, "printed when it should not"));
            double score = checks.stream().mapToDouble(CheckResult::score).sum();
            return new GradeResult(exercise.id(), submission.label(), score == 3 ? Status.PASSED : Status.FAILED,
                    score, 3, 2, null, checks);
        }

        private static CheckResult check(String name, boolean passed, double weight, String why) {
            return new CheckResult(name, "the " + name + " check", passed ? CheckStatus.PASSED : CheckStatus.FAILED,
                    passed ? weight : 0, weight, passed ? "" : why, passed ? "" : "out of " + name);
        }
    }

    @TempDir
    Path folder;
    MutableClock clock;
    RunningServer running;
    String instructor;

    abstract DatabaseLocation location(Path folder);

    /** Request bodies of 128 KiB at most, so that a test can pass the cap without sending megabytes. */
    ServerSettings settings() {
        return RunningServer.settings(1, 4).withMaxRequestBytes(128 * 1024);
    }

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(START);
        running = RunningServer.withAssessments(settings(), new AnswerGrading(), location(folder), clock);
        instructor = running.assessments.createInstructorToken("tests").token();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    // ---- instructors -------------------------------------------------------------------------

    @Test
    void everyInstructorRouteRefusesAMissingOrWrongToken() throws Exception {
        long id = createAssessment("{\"name\": \"Week 1\", \"exercises\": [\"" + LRU + "\"], "
                + "\"time_allowed_seconds\": 600}").get("id").asLong();
        String candidate = running.assessments.invite(id, List.of("ada")).get(0).token();
        String revoked = running.assessments.createInstructorToken("gone").token();
        running.assessments.revokeInstructorToken(running.assessments.instructorTokens().stream()
                .filter(token -> token.name().equals("gone")).findFirst().orElseThrow().id());
        String prefix = "/api/instructor/assessments";
        List<String[]> routes = List.of(new String[] {"GET", prefix}, new String[] {"POST", prefix},
                new String[] {"POST", prefix + "/" + id + "/candidates"}, new String[] {"GET", prefix + "/" + id + "/results"},
                new String[] {"GET", prefix + "/" + id + "/candidates/ada/submissions"},
                new String[] {"GET", prefix + "/" + id + "/export?format=csv"},
                new String[] {"POST", prefix + "/" + id + "/regrade"},
                new String[] {"GET", prefix + "/" + id + "/similarity"}, new String[] {"GET", "/api/instructor/nothing"});
        List<String> headers = List.of("", "Bearer pgi_" + "A".repeat(43), "Bearer " + candidate, "Bearer " + revoked,
                "Basic " + instructor, instructor, "Bearer");
        for (String[] route : routes) {
            for (String header : headers) {
                HttpRequest.Builder request = HttpRequest.newBuilder(running.base.resolve(route[1]))
                        .method(route[0], HttpRequest.BodyPublishers.ofString("{\"names\": [\"eve\"]}"))
                        .header("Content-Type", "application/json");
                if (!header.isEmpty()) {
                    request.header("Authorization", header);
                }
                HttpResponse<String> refused = running.send(request);
                assertRefused(refused, 401, header.isEmpty() ? "Authorization: Bearer" : "not valid");
                assertEquals("Bearer realm=\"pygrade\"", refused.headers().firstValue("WWW-Authenticate").orElse(""));
                // refused before its body was read: the connection ends, so no next request waits on it
                assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
            }
            // the token in the address is no token: only the header counts
            HttpResponse<String> inQuery = running.send(HttpRequest.newBuilder(running.base.resolve(
                    route[1] + (route[1].contains("?") ? "&" : "?") + "token=" + instructor))
                    .method(route[0], HttpRequest.BodyPublishers.noBody()));
            assertEquals(401, inQuery.statusCode(), route[0] + " " + route[1]);
        }
        assertEquals(1, running.assessments.assessments().size(), "nothing was created without a token");
        assertEquals(1, running.assessments.candidates(id).size(), "nobody was invited without a token");
        assertEquals(200, instructor("GET", prefix, null).statusCode());
    }

    @Test
    void anInstructorCreatesAnAssessmentAndInvitesCandidates() throws Exception {
        JsonNode created = createAssessment("{\"name\": \" Week 1 \", \"exercises\": [\"" + LRU + "\", \"" + GETATTR
                + "\"], \"time_allowed_seconds\": 2700, \"attempts_allowed\": 2, \"feedback\": \"scores\", "
                + "\"closes_at\": \"2026-03-06T17:00:00+01:00\"}");
        assertEquals("Week 1", created.get("name").asText());
        assertEquals(List.of(LRU, GETATTR), texts(created.get("exercises")));
        assertEquals(2700, created.get("time_allowed_seconds").asInt());
        assertEquals("2026-03-06T16:00:00Z", created.get("closes_at").asText());
        assertTrue(created.get("opens_at").isNull());
        long id = created.get("id").asLong();
        JsonNode listed = json(instructor("GET", "/api/instructor/assessments", null), 200).get("assessments");
        assertEquals(created, listed.get(0));

        JsonNode invited = json(instructor("POST", "/api/instructor/assessments/" + id + "/candidates",
                "{\"names\": [\"ada@example.org\", \"Grace Hopper\"], \"base_url\": \"https://grader.example.org/\"}"), 201);
        JsonNode ada = invited.get("invitations").get(0);
        assertEquals("ada@example.org", ada.get("candidate").asText());
        assertTrue(ada.get("token").asText().startsWith("pgc_"), ada.toString());
        assertEquals("https://grader.example.org/a/" + ada.get("token").asText(), ada.get("link").asText());
        JsonNode grace = json(instructor("POST", "/api/instructor/assessments/" + id + "/candidates",
                "{\"names\": [\"Alan\"]}"), 201).get("invitations").get(0);
        assertEquals(running.base.resolve("/a/" + grace.get("token").asText()).toString(), grace.get("link").asText(),
                "without base_url, links start with the address the request was sent to");
        assertEquals("Week 1", json(running.post("/api/candidate/" + ada.get("token").asText() + "/open", null,
                new byte[0]), 200).get("name").asText());
    }

    @Test
    void invalidRequestsOfInstructorsAreRefusedWithWhatIsWrong() throws Exception {
        String base = "{\"name\": \"W\", \"exercises\": [\"" + LRU + "\"], \"time_allowed_seconds\": 60";
        String[][] cases = {
                {base + ", \"minutes\": 3}", "unknown field minutes"},
                {"{\"name\": \"W\", \"time_allowed_seconds\": 60}", "\"exercises\" must be a list of strings"},
                {base.replace(LRU, "q99-nothing") + "}", "unknown exercise q99-nothing"},
                {base + ", \"feedback\": \"none_until_closed\"}", "needs a close time"},
                {base + ", \"feedback\": \"loud\"}", "unknown feedback level 'loud'"},
                {base + ", \"closes_at\": \"tomorrow\"}", "must be a time with an offset"},
                {base.replace("60", "0") + "}", "at least one second"},
                {base.replace("60", "1.5") + "}", "must be a whole number"},
                {base.replace("60", "9223372036854775807") + "}", "at most a year"},
                {base + ", \"attempts_allowed\": 0}", "at least one attempt"},
                {"{\"exercises\": [\"" + LRU + "\"], \"time_allowed_seconds\": 60}", "needs a name"},
                {"[1, 2]", "must be a JSON object"},
                {"{not json", "not valid JSON"}};
        for (String[] bad : cases) {
            assertRefused(instructor("POST", "/api/instructor/assessments", bad[0]), 400, bad[1]);
        }
        assertRefused(running.send(HttpRequest.newBuilder(running.base.resolve("/api/instructor/assessments"))
                .header("Authorization", "Bearer " + instructor).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(base + "}"))), 415, "application/json");
        assertEquals(0, running.assessments.assessments().size());

        long id = createAssessment(base + "}").get("id").asLong();
        String invite = "/api/instructor/assessments/" + id + "/candidates";
        json(instructor("POST", invite, "{\"names\": [\"ada\"]}"), 201);
        assertRefused(instructor("POST", invite, "{\"names\": [\"ada\"]}"), 400, "already invited");
        assertRefused(instructor("POST", invite, "{\"names\": [\" \"]}"), 400, "needs a name");
        assertRefused(instructor("POST", invite, "{\"names\": [\"x\"], \"base_url\": \"javascript:alert(1)\"}"), 400,
                "http:// or https://");
        assertRefused(instructor("POST", "/api/instructor/assessments/99/candidates", "{\"names\": [\"x\"]}"), 404,
                "no assessment 99");
        assertRefused(instructor("GET", "/api/instructor/assessments/week1/results", null), 404, "no assessment 'week1'");
        assertRefused(instructor("GET", "/api/instructor/assessments/" + id + "/candidates/nobody/submissions", null),
                404, "no candidate 'nobody'");
        assertRefused(instructor("GET", "/api/instructor/assessments/" + id + "/export?format=pdf", null), 400,
                "unknown export format 'pdf'");
        assertRefused(instructor("GET", "/api/instructor/assessments/" + id + "/export?pick=worst", null), 400,
                "best or last");
        assertRefused(instructor("POST", "/api/instructor/assessments/" + id + "/regrade", "{\"exercise\": \"q10-getattr\"}"),
                400, "not part of assessment");
        assertRefused(instructor("GET", "/api/instructor/assessments/" + id + "/similarity?exercise=" + GETATTR, null),
                400, "not part of assessment");
    }

    // ---- the submit and results path ---------------------------------------------------------

    @Test
    void candidatesSubmitAndTheInstructorSeesResultsSubmissionsExportsRegradesAndSimilarity() throws Exception {
        long id = createAssessment("{\"name\": \"Week 1\", \"exercises\": [\"" + LRU + "\", \"" + GETATTR
                + "\"], \"time_allowed_seconds\": 3600, \"attempts_allowed\": 3}").get("id").asLong();
        JsonNode invitations = json(instructor("POST", "/api/instructor/assessments/" + id + "/candidates",
                "{\"names\": [\"ada\", \"grace\"]}"), 201).get("invitations");
        String ada = invitations.get(0).get("token").asText();
        String grace = invitations.get(1).get("token").asText();

        JsonNode opened = json(running.post("/api/candidate/" + ada + "/open", null, new byte[0]), 200);
        assertEquals("open", opened.get("phase").asText());
        assertEquals(3600, opened.get("time_left_seconds").asInt());
        assertEquals(START.toString(), opened.get("started_at").asText());
        JsonNode lru = opened.get("exercises").get(0);
        assertEquals(LRU, lru.get("id").asText());
        assertTrue(lru.get("prompt_html").asText().contains("<h2>What to build</h2>"), lru.toString());
        assertEquals("solution.py", lru.get("file").asText());
        assertEquals(3, lru.get("attempts_left").asInt());

        clock.advance(Duration.ofMinutes(10));
        JsonNode wrong = submit(ada, LRU, "def fibonacci(n):\n    print(n)\n", 202);
        assertEquals("pending", wrong.get("status").asText());
        assertEquals(1, wrong.get("attempt").asInt());
        JsonNode firstFeedback = awaitGraded(ada, wrong.get("id").asLong());
        assertEquals("failed", firstFeedback.get("feedback").get("status").asText());
        assertEquals("expected a return statement in fibonacci",
                firstFeedback.get("feedback").get("checks").get(0).get("message").asText());
        clock.advance(Duration.ofMinutes(5));
        long right = submit(ada, LRU, ANSWER, 202).get("id").asLong();
        assertEquals(3.0, awaitGraded(ada, right).get("feedback").get("score").asDouble());
        json(running.post("/api/candidate/" + grace + "/open", null, new byte[0]), 200);
        clock.advance(Duration.ofMinutes(1));
        long graceAnswer = submit(grace, LRU, RENAMED, 202).get("id").asLong();
        awaitGraded(grace, graceAnswer);

        JsonNode view = json(running.get("/api/candidate/" + ada), 200);
        assertEquals(2, view.get("submissions").size());
        assertEquals(1, view.get("exercises").get(0).get("attempts_left").asInt());
        assertEquals(ANSWER, view.get("submissions").get(1).get("files").get("solution.py").asText());

        String path = "/api/instructor/assessments/" + id;
        JsonNode results = json(instructor("GET", path + "/results", null), 200);
        assertEquals(List.of(LRU, GETATTR), texts(results.get("exercises")));
        JsonNode adaRow = results.get("candidates").get(0);
        assertEquals("ada", adaRow.get("candidate").asText());
        assertEquals(15 * 60, adaRow.get("time_used_seconds").asInt());
        JsonNode cell = adaRow.get("exercises").get(LRU);
        assertEquals(2, cell.get("attempts").asInt());
        assertEquals(3.0, cell.get("best").asDouble());
        assertEquals(3.0, cell.get("last").asDouble());
        assertEquals(0, adaRow.get("exercises").get(GETATTR).get("attempts").asInt());
        assertEquals("grace", results.get("candidates").get(1).get("candidate").asText());

        JsonNode history = json(instructor("GET", path + "/candidates/ada/submissions", null), 200).get("submissions");
        assertEquals(2, history.size());
        JsonNode firstAttempt = history.get(0);
        assertEquals("def fibonacci(n):\n    print(n)\n", firstAttempt.get("files").get("solution.py").asText());
        JsonNode grading = firstAttempt.get("gradings").get(0);
        assertEquals("submission", grading.get("reason").asText());
        assertEquals("printed when it should not", grading.get("result").get("checks").get(1).get("message").asText());
        assertEquals(64, grading.get("receipt").get("code_sha256").asText().length());

        HttpResponse<String> csv = instructor("GET", path + "/export", null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"assessment-" + id + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""));
        List<String> lines = csv.body().lines().toList();
        assertEquals(3, lines.size(), csv.body());
        assertTrue(lines.get(1).startsWith("ada,") && lines.get(2).startsWith("grace,"), csv.body());
        HttpResponse<String> jsonl = instructor("GET", path + "/export?format=jsonl&pick=last", null);
        assertEquals(2, jsonl.body().lines().count(), jsonl.body());
        assertTrue(instructor("GET", path + "/export?format=junit", null).body().contains("<testsuite"));
        HttpResponse<byte[]> zip = running.client.send(HttpRequest.newBuilder(running.base.resolve(
                path + "/export?format=gradescope")).header("Authorization", "Bearer " + instructor).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of("ada/" + LRU + "/results.json", "grace/" + LRU + "/results.json"), entries(zip.body()));

        JsonNode regrade = json(instructor("POST", path + "/regrade", null), 200);
        assertEquals(3, regrade.get("regraded").asInt());
        assertEquals(3, regrade.get("unchanged").asInt(), "the same checks on the same code change nothing");
        assertEquals(2, json(instructor("GET", path + "/candidates/ada/submissions", null), 200).get("submissions")
                .get(0).get("gradings").size(), "a regrade adds a grading, keeping the first");

        JsonNode similarity = json(instructor("GET", path + "/similarity?exercise=" + LRU, null), 200);
        JsonNode pair = similarity.get("exercises").get(0).get("pairs").get(0);
        assertEquals("ada", pair.get("first").asText());
        assertEquals("grace", pair.get("second").asText());
        assertEquals(1.0, pair.get("jaccard").asDouble(), "a renamed copy is the same answer to the fingerprints");
    }

    // ---- candidates --------------------------------------------------------------------------

    @Test
    void aCandidateSeesOnlyTheirOwnAssessmentAndSubmissions() throws Exception {
        long first = createAssessment("{\"name\": \"Zebra-7\", \"exercises\": [\"" + LRU + "\"], "
                + "\"time_allowed_seconds\": 600}").get("id").asLong();
        long second = createAssessment("{\"name\": \"Quokka-9\", \"exercises\": [\"" + GETATTR + "\"], "
                + "\"time_allowed_seconds\": 600}").get("id").asLong();
        String ada = running.assessments.invite(first, List.of("ada")).get(0).token();
        String alan = running.assessments.invite(first, List.of("turing-x")).get(0).token();
        String grace = running.assessments.invite(second, List.of("grace")).get(0).token();
        long alans = submit(alan, LRU, "def fibonacci(n):\n    return 'alan was here'\n", 202).get("id").asLong();
        awaitGraded(alan, alans);
        long graces = submit(grace, GETATTR, "x = 'grace was here'\n", 202).get("id").asLong();
        awaitGraded(grace, graces);

        JsonNode view = json(running.get("/api/candidate/" + ada), 200);
        assertEquals("Zebra-7", view.get("name").asText());
        assertEquals("ada", view.get("candidate").asText());
        assertEquals(0, view.get("submissions").size());
        assertTrue(view.get("started_at").isNull(), "viewing does not start the clock; opening does");
        String everything = running.get("/api/candidate/" + ada).body() + running.post("/api/candidate/" + ada + "/open",
                null, new byte[0]).body();
        assertFalse(everything.contains("alan was here") || everything.contains("grace was here")
                || everything.contains("Quokka-9") || everything.contains("turing-x"), everything);
        assertRefused(running.get("/api/candidate/" + ada + "/submissions/" + alans), 404, "no submission " + alans);
        assertRefused(running.get("/api/candidate/" + ada + "/submissions/" + graces), 404, "no submission");
        assertRefused(submitRaw(ada, GETATTR, "x = 1\n"), 404, "not part of this assessment");

        for (String stranger : List.of("pgc_" + "A".repeat(43), "nothing", instructor, ada.substring(0, ada.length() - 1),
                ada + "x")) {
            assertRefused(running.get("/api/candidate/" + stranger), 404, "this link is not valid");
            assertRefused(running.post("/api/candidate/" + stranger + "/open", null, new byte[0]), 404, "not valid");
            assertRefused(submitRaw(stranger, LRU, ANSWER), 404, "not valid");
            assertRefused(running.get("/api/candidate/" + stranger + "/submissions/" + alans), 404, "not valid");
        }
        assertEquals("unknown_link", RunningServer.json(running.get("/api/candidate/nothing")).get("reason").asText());
    }

    @Test
    void refusalsAfterTheDeadlineOrTheAttemptsSayWhyAndStoreNothing() throws Exception {
        long id = createAssessment("{\"name\": \"Timed\", \"exercises\": [\"" + LRU + "\"], "
                + "\"time_allowed_seconds\": 1800, \"attempts_allowed\": 1}").get("id").asLong();
        List<String> tokens = running.assessments.invite(id, List.of("ada", "alan")).stream()
                .map(dev.pygrade.assessment.Invitation::token).toList();
        json(running.post("/api/candidate/" + tokens.get(0) + "/open", null, new byte[0]), 200);
        submit(tokens.get(0), LRU, ANSWER, 202);
        HttpResponse<String> again = submitRaw(tokens.get(0), LRU, ANSWER);
        assertRefused(again, 409, "all 1 attempt at " + LRU + " are used");
        assertEquals("no_attempts_left", RunningServer.json(again).get("reason").asText());

        json(running.post("/api/candidate/" + tokens.get(1) + "/open", null, new byte[0]), 200);
        clock.advance(Duration.ofMinutes(30));
        HttpResponse<String> late = submitRaw(tokens.get(1), LRU, ANSWER);
        assertRefused(late, 403, "your time is up: it ended at 2026-03-02T09:30:00Z");
        assertEquals("time_up", RunningServer.json(late).get("reason").asText());
        JsonNode view = json(running.get("/api/candidate/" + tokens.get(1)), 200);
        assertEquals("time_up", view.get("phase").asText());
        assertEquals(0, view.get("time_left_seconds").asInt());
        assertEquals(0, view.get("submissions").size(), "a refused submission is not stored");

        long windowed = createAssessment("{\"name\": \"Window\", \"exercises\": [\"" + LRU + "\"], "
                + "\"time_allowed_seconds\": 600, \"opens_at\": \"2026-03-03T09:00:00Z\", "
                + "\"closes_at\": \"2026-03-03T12:00:00Z\"}").get("id").asLong();
        String early = running.assessments.invite(windowed, List.of("early")).get(0).token();
        HttpResponse<String> notYet = submitRaw(early, LRU, ANSWER);
        assertRefused(notYet, 403, "this assessment opens at 2026-03-03T09:00:00Z");
        assertEquals("not_open_yet", RunningServer.json(notYet).get("reason").asText());
        assertEquals("not_open_yet", json(running.post("/api/candidate/" + early + "/open", null, new byte[0]), 200)
                .get("phase").asText());
        clock.advance(Duration.ofDays(2));
        HttpResponse<String> closed = submitRaw(early, LRU, ANSWER);
        assertRefused(closed, 403, "this assessment closed at 2026-03-03T12:00:00Z");
        assertEquals("closed", RunningServer.json(closed).get("reason").asText());
    }

    @Test
    void feedbackIsCutToTheAssessmentsLevel() throws Exception {
        long scores = createAssessment("{\"name\": \"Scores\", \"exercises\": [\"" + LRU + "\"], "
                + "\"time_allowed_seconds\": 600, \"feedback\": \"scores\"}").get("id").asLong();
        String ada = running.assessments.invite(scores, List.of("ada")).get(0).token();
        JsonNode scored = awaitGraded(ada, submit(ada, LRU, LOUD, 202).get("id").asLong()).get("feedback");
        assertEquals(2.0, scored.get("score").asDouble());
        assertEquals("failed", scored.get("checks").get(1).get("status").asText());
        assertFalse(scored.get("checks").get(1).has("message"), scored.toString());
        assertFalse(scored.toString().contains("printed when") || scored.toString().contains("out of quiet"),
                scored.toString());

        long hidden = createAssessment("{\"name\": \"Hidden\", \"exercises\": [\"" + LRU + "\"], "
                + "\"time_allowed_seconds\": 600, \"feedback\": \"none_until_closed\", "
                + "\"closes_at\": \"2026-03-02T18:00:00Z\"}").get("id").asLong();
        String alan = running.assessments.invite(hidden, List.of("alan")).get(0).token();
        long answer = submit(alan, LRU, ANSWER, 202).get("id").asLong();
        JsonNode received = awaitGraded(alan, answer);
        assertTrue(received.get("feedback").isNull(), received.toString());
        clock.advance(Duration.ofHours(10));
        JsonNode after = json(running.get("/api/candidate/" + alan + "/submissions/" + answer), 200);
        assertEquals(3.0, after.get("feedback").get("score").asDouble(), "once closed, the feedback is shown");
    }

    // ---- limits, caches, logs ----------------------------------------------------------------

    @Test
    void everyBodyIsBounded() throws Exception {
        long id = createAssessment("{\"name\": \"W\", \"exercises\": [\"" + LRU + "\"], \"time_allowed_seconds\": 600}")
                .get("id").asLong();
        String ada = running.assessments.invite(id, List.of("ada")).get(0).token();
        String padding = "#".repeat(InstructorApi.MAX_BODY_BYTES);
        assertRefused(instructor("POST", "/api/instructor/assessments", "{\"name\": \"" + padding + "\", "
                + "\"exercises\": [\"" + LRU + "\"], \"time_allowed_seconds\": 60}"), 413, "larger than 64 KiB");
        assertRefused(instructor("POST", "/api/instructor/assessments/" + id + "/candidates",
                "{\"names\": [\"" + padding + "\"]}"), 413, "larger than 64 KiB");
        assertEquals(1, running.assessments.assessments().size());
        assertEquals(1, running.assessments.candidates(id).size());

        byte[] huge = ("x = 1  # padding padding padding\n".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
        int cap = running.settings().maxRequestBytes();
        assertTrue(huge.length > cap);
        assertRefused(running.post("/api/candidate/" + ada + "/exercises/" + LRU + "/submissions", "text/x-python",
                huge), 413, "larger than " + cap / 1024 + " KiB");
        // a route that reads no body refuses one over the server's cap unread
        assertRefused(running.post("/api/candidate/" + ada + "/open", "text/plain", huge), 413, "larger than");
        assertEquals(0, json(running.get("/api/candidate/" + ada), 200).get("submissions").size());
    }

    @Test
    void privateAnswersAreNeverCachedAndTokensStayOutOfTheLogs() throws Exception {
        long id = createAssessment("{\"name\": \"W\", \"exercises\": [\"" + LRU + "\"], \"time_allowed_seconds\": 600}")
                .get("id").asLong();
        String ada = running.assessments.invite(id, List.of("ada")).get(0).token();
        submit(ada, LRU, ANSWER, 202);
        List<HttpResponse<String>> privateAnswers = List.of(running.get("/a/" + ada), running.get("/instructor"),
                running.get("/api/candidate/" + ada), running.get("/api/candidate/pgc_nothing"),
                submitRaw(ada, "q99", ANSWER), running.get("/api/instructor/assessments"),
                instructor("GET", "/api/instructor/assessments/" + id + "/results", null),
                instructor("GET", "/api/instructor/assessments/77/results", null));
        for (HttpResponse<String> answer : privateAnswers) {
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), answer.uri().getPath());
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""));
        }
        HttpResponse<String> page = running.get("/a/" + ada);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/assets/candidate.js") && !page.body().contains(ada), page.body());
        assertEquals("no-cache", running.get("/assets/candidate.js").headers().firstValue("Cache-Control").orElse(""));
        running.get("/a/" + ada + "/typo");
        running.get("/elsewhere/" + ada);

        String log = awaitLog(" GET /elsewhere/pgc_*** 404 "); // a line is written once its answer is sent
        assertFalse(log.contains(ada.substring(4)), log);
        assertFalse(log.contains(instructor.substring(4)), log);
        assertTrue(log.contains(" GET /a/{token} 200 "), log);
        assertTrue(log.contains(" POST /api/candidate/{token}/exercises/" + LRU + "/submissions 202 "), log);
        assertTrue(running.errors.toString().isEmpty(), running.errors.toString());
    }

    // ---- helpers -----------------------------------------------------------------------------

    JsonNode createAssessment(String body) throws Exception {
        return json(instructor("POST", "/api/instructor/assessments", body), 201);
    }

    HttpResponse<String> instructor(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(running.base.resolve(path))
                .header("Authorization", "Bearer " + instructor)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return running.send(request);
    }

    HttpResponse<String> submitRaw(String token, String exercise, String source) throws Exception {
        return running.post("/api/candidate/" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "/exercises/"
                + exercise + "/submissions", "text/x-python", source.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode submit(String token, String exercise, String source, int status) throws Exception {
        return json(submitRaw(token, exercise, source), status);
    }

    /** Polls the candidate's own submission until it is graded; answers it as the candidate sees it. */
    JsonNode awaitGraded(String token, long submission) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonNode seen = json(running.get("/api/candidate/" + token + "/submissions/" + submission), 200);
            if (seen.get("status").asText().equals("graded")) {
                return seen;
            }
            assertTrue(System.nanoTime() < deadline, "submission " + submission + " is still pending");
            Thread.sleep(20);
        }
    }

    /** The access log once it holds {@code line}. */
    String awaitLog(String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!running.accessLog.toString().contains(line)) {
            assertTrue(System.nanoTime() < deadline, "no '" + line + "' in the access log: " + running.accessLog);
            Thread.sleep(10);
        }
        return running.accessLog.toString();
    }

    static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.request().method() + " " + response.uri() + ": "
                + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return RunningServer.json(response);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"score\""));
            }
        }
        return names;
    }
}
