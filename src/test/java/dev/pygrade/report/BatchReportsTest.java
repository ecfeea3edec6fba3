package dev.pygrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Problem;
import dev.pygrade.grading.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The report formats from hand-made results: no grading. */
class BatchReportsTest {
    @TempDir
    Path dir;

    @Test
    void hostileTextStaysValidXmlAndQuotedCsv() throws Exception {
        String nasty = "expected <1> & \"2\", got ]]> \u0000\u0007\u001b[31m \ud800 \ud83d\ude00 done";
        GradeResult result = new GradeResult("q09-lru-cache", "x.py", Status.FAILED, 1, 3, 1500, null, List.of(
                new CheckResult("ok", "passes", CheckStatus.PASSED, 1, 1, "", ""),
                new CheckResult("bad", "fails", CheckStatus.FAILED, 0, 1, nasty, nasty),
                new CheckResult("boom", "raises", CheckStatus.ERROR, 0, 1, "ZeroDivisionError", "")));
        List<CandidateResult> lines = List.of(new CandidateResult("o'brien, \"jr\"", result));
        BatchReports.write(lines, dir);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve(JunitXmlWriter.FILE).toFile());
        Element suites = xml.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        assertEquals("3", suites.getAttribute("tests"));
        assertEquals("1", suites.getAttribute("failures"));
        assertEquals("1", suites.getAttribute("errors"));
        String failure = xml.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains("expected <1> & \"2\", got ]]>"), failure);
        assertTrue(failure.contains("\ud83d\ude00"), "a legal emoji is kept: " + failure);

        List<String> csv = Files.readAllLines(dir.resolve(SummaryCsvWriter.FILE));
        assertEquals("candidate,q09-lru-cache,total,max_total", csv.get(0));
        assertEquals("\"o'brien, \"\"jr\"\"\",1,1,3", csv.get(1));

        JsonNode gradescope = new ObjectMapper().readTree(dir.resolve("gradescope/o'brien, \"jr\"/q09-lru-cache/results.json")
                .toFile());
        assertEquals(1.0, gradescope.get("score").asDouble());
        assertEquals(2, gradescope.get("execution_time").asInt());
        assertEquals(3, gradescope.get("tests").size());
        assertEquals("failed", gradescope.at("/tests/1/status").asText());
        assertEquals(1.0, gradescope.at("/tests/1/max_score").asDouble());
    }

    @Test
    void aSubmissionErrorIsItsOwnErrorTestCase() throws Exception {
        GradeResult unreadable = new GradeResult("q09-lru-cache", "carol/q09-lru-cache.py", Status.ERROR, 0, 0, 0,
                new Problem(Problem.Kind.SUBMISSION, "is empty", "carol/q09-lru-cache.py", null, null, null, null),
                List.of());
        BatchReports.write(List.of(new CandidateResult("carol", unreadable)), dir);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve(JunitXmlWriter.FILE).toFile());
        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertEquals("submission", error.getAttribute("type"));
        assertTrue(error.getTextContent().contains("carol/q09-lru-cache.py: is empty"), error.getTextContent());
    }
}
