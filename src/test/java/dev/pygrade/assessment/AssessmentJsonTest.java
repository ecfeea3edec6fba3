package dev.pygrade.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.store.Database;
import dev.pygrade.store.DatabaseLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON a candidate gets holds their own work at their feedback level, and nothing of the grader's. */
class AssessmentJsonTest {
    @TempDir
    Path dir;

    @Test
    void aCandidatesJsonHoldsNoCheckNoReceiptAndNoMessageBelowFullFeedback() throws Exception {
        try (Database database = Database.open(DatabaseLocation.sqliteIn(dir));
             AssessmentService service = new AssessmentService(database, TestSandbox.exercises(), new FakeGrading(),
                     ServiceSettings.defaults().withGrading(1, 2)
                             .withClock(new MutableClock(AssessmentServiceContract.T0)))) {
            service.start();
            Assessment assessment = service.create(new AssessmentSpec("Scores only", List.of("q09-lru-cache"),
                    Duration.ofHours(1), Optional.empty(), Optional.empty(), 2, FeedbackLevel.SCORES));
            List<Invitation> invited = service.invite(assessment.id(), List.of("ada", "grace"));
            String code = "def fibonacci(n):\n    return n  # sleep\n";
            SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) service.submit(invited.get(0).token(),
                    "q09-lru-cache", AssessmentServiceContract.answer(code));
            service.awaitGraded(accepted.submissionId(), Duration.ofSeconds(60)).orElseThrow();
            service.submit(invited.get(1).token(), "q09-lru-cache", AssessmentServiceContract.answer("grace's"));

            JsonNode view = AssessmentJson.candidateView(service.open(invited.get(0).token()).orElseThrow());
            String text = view.toString();
            assertEquals("ada", view.get("candidate").asText());
            assertEquals("open", view.get("phase").asText());
            assertEquals(3600, view.get("time_left_seconds").asLong());
            assertEquals(1, view.get("submissions").size(), "only ada's own submission");
            assertEquals(code, view.at("/submissions/0/files/solution.py").asText());
            assertEquals(2.0, view.at("/submissions/0/feedback/score").asDouble());
            assertEquals("failed", view.at("/submissions/0/feedback/checks/1/status").asText());
            assertTrue(view.at("/submissions/0/feedback/checks/1/message").isMissingNode());
            assertFalse(text.contains("took too long"), "no message at the scores level");
            assertFalse(text.contains("sha256") || text.contains("grace"), text);
            Exercise q09 = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
            for (String line : q09.checksSource().lines().filter(l -> l.strip().length() > 25).toList()) {
                assertFalse(text.contains(line.strip()), "a line of the checks: " + line);
            }

            JsonNode history = AssessmentJson.history(service.history(assessment.id(), "ada"));
            assertEquals("took too long", history.at("/0/gradings/0/result/checks/1/message").asText());
            assertEquals(Secrets.sha256(q09.checksSource()), history.at("/0/gradings/0/receipt/checks_sha256").asText());
        }
    }
}
