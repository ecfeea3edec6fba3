package dev.pygrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** pygrade batch and merge in-process, over q09-lru-cache with tiny answers. */
class BatchCommandTest extends BatchCommandBase {
    @Test
    void gradesEveryAnswerIntoAllFormatsAndAnUnreadableOneCostsNobody() throws Exception {
        answer("alice", GOOD);
        answer("bob", WRONG);
        Path carol = answer("carol", "x = 1\n");
        Files.write(carol, "x = 1\ny = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(carol.resolveSibling("notes.txt"), "not an answer");
        Path erin = dir.resolve("submissions/erin");
        Files.createDirectories(erin);
        Files.createSymbolicLink(erin.resolve(ID + ".py"), dir.resolve("submissions/alice").resolve(ID + ".py"));
        Files.writeString(dir.resolve("submissions/README.md"), "instructions");
        Path results = dir.resolve("results");

        CliRun run = run("batch", dir.resolve("submissions").toString(), "--out", results.toString(), "--workers", "2",
                "--format", "json");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode summary = run.json();
        assertEquals(4, summary.get("recorded").asInt(), run.out());
        assertEquals(4, summary.get("graded_now").asInt());
        assertEquals(2, summary.get("skipped").size(), run.out());
        assertTrue(summary.toString().contains("not named after an exercise"), run.out());

        Map<String, JsonNode> lines = byCandidate(lines(results));
        assertEquals(Set.of("alice", "bob", "carol", "erin"), lines.keySet());
        JsonNode alice = lines.get("alice");
        assertEquals("pygrade.result/2", alice.get("schema").asText());
        assertEquals("passed", alice.get("status").asText());
        assertEquals("alice/" + ID + ".py", alice.get("submission").asText());
        assertEquals(5, alice.get("checks").size());
        assertEquals("failed", lines.get("bob").get("status").asText());
        JsonNode carolLine = lines.get("carol");
        assertEquals("error", carolLine.get("status").asText());
        assertEquals("submission", carolLine.at("/error/kind").asText());
        assertEquals("carol/" + ID + ".py", carolLine.at("/error/file").asText());
        assertTrue(carolLine.at("/error/message").asText().contains("line 2"), carolLine.toString());
        assertEquals("submission", lines.get("erin").at("/error/kind").asText());
        assertTrue(lines.get("erin").at("/error/message").asText().contains("symbolic link"));

        double max = alice.get("max_score").asDouble();
        List<String> csv = Files.readAllLines(results.resolve("summary.csv"));
        assertEquals("candidate," + ID + ",total,max_total", csv.get(0));
        assertEquals(5, csv.size(), csv.toString());
        assertTrue(csv.contains("alice," + num(max) + "," + num(max) + "," + num(max)), csv.toString());
        assertTrue(csv.contains("carol,0,0," + num(max)), csv.toString());
        double bobScore = lines.get("bob").get("score").asDouble();
        assertTrue(csv.contains("bob," + num(bobScore) + "," + num(bobScore) + "," + num(max)), csv.toString());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(results.resolve("junit.xml").toFile());
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(4, suites.getLength());
        Map<String, Element> suite = new HashMap<>();
        for (int i = 0; i < suites.getLength(); i++) {
            Element element = (Element) suites.item(i);
            suite.put(element.getAttribute("name"), element);
        }
        assertEquals("5", suite.get("alice/" + ID).getAttribute("tests"));
        assertEquals("0", suite.get("alice/" + ID).getAttribute("failures"));
        assertTrue(Integer.parseInt(suite.get("bob/" + ID).getAttribute("failures")) >= 1);
        assertEquals("1", suite.get("carol/" + ID).getAttribute("errors"));
        assertEquals(5 + 5 + 1 + 1, xml.getElementsByTagName("testcase").getLength());

        JsonNode gradescope = JSON.readTree(results.resolve("gradescope/bob/" + ID + "/results.json").toFile());
        assertEquals(bobScore, gradescope.get("score").asDouble());
        assertEquals(5, gradescope.get("tests").size());
        for (JsonNode test : gradescope.get("tests")) {
            for (String field : List.of("name", "score", "max_score", "status", "output", "visibility")) {
                assertTrue(test.has(field), "test lacks " + field + ": " + test);
            }
            assertTrue(Set.of("passed", "failed").contains(test.get("status").asText()));
        }
        assertTrue(Files.exists(results.resolve("gradescope/carol/" + ID + "/results.json")));
    }

    @Test
    void resumeGradesOnlyWhatIsMissingAndNeverRecordsTwice() throws Exception {
        answer("alice", GOOD);
        answer("bob", WRONG);
        Path results = dir.resolve("results");
        String submissions = dir.resolve("submissions").toString();
        assertEquals(0, run("batch", submissions, "--out", results.toString()).code());
        assertEquals(2, lines(results).size());

        // a killed run: bob's line never finished
        Path file = results.resolve("results.jsonl");
        List<String> kept = Files.readAllLines(file).stream().filter(l -> !l.contains("\"candidate\":\"bob\"")).toList();
        String bobLine = Files.readAllLines(file).stream().filter(l -> l.contains("\"candidate\":\"bob\"")).findFirst()
                .orElseThrow();
        Files.writeString(file, String.join("\n", kept) + "\n" + bobLine.substring(0, bobLine.length() / 2));

        CliRun refused = run("batch", submissions, "--out", results.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("--resume"), refused.err());
        assertEquals("", refused.out());

        CliRun resumed = run("batch", submissions, "--out", results.toString(), "--resume", "--format", "json");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertEquals(1, resumed.json().get("graded_now").asInt());
        assertEquals(1, resumed.json().get("already_recorded").asInt());
        List<JsonNode> after = lines(results);
        assertEquals(2, after.size());
        Set<String> keys = new HashSet<>();
        after.forEach(line -> keys.add(line.get("candidate").asText() + "/" + line.get("exercise").asText()));
        assertEquals(Set.of("alice/" + ID, "bob/" + ID), keys);
        assertEquals(3, Files.readAllLines(results.resolve("summary.csv")).size());

        CliRun again = run("batch", submissions, "--out", results.toString(), "--resume", "--format", "json");
        assertEquals(0, again.code(), again.err());
        assertEquals(0, again.json().get("graded_now").asInt());
        assertEquals(2, lines(results).size());
    }

    @Test
    void shardsMergeToTheSameReportAsOneRun() throws Exception {
        answer("alice", GOOD);
        answer("bob", WRONG);
        String submissions = dir.resolve("submissions").toString();
        Path whole = dir.resolve("whole");
        assertEquals(0, run("batch", submissions, "--out", whole.toString(), "--workers", "2").code());
        Path one = dir.resolve("shard1");
        Path two = dir.resolve("shard2");
        CliRun first = run("batch", submissions, "--out", one.toString(), "--shard", "1/2");
        CliRun second = run("batch", submissions, "--out", two.toString(), "--shard", "2/2");
        assertEquals(0, first.code(), first.err());
        assertEquals(0, second.code(), second.err());
        assertEquals(2, lines(one).size() + lines(two).size());

        Path merged = dir.resolve("merged");
        CliRun merge = run("merge", one.toString(), two.toString(), whole.toString(), "--out", merged.toString());
        assertEquals(0, merge.code(), merge.out() + merge.err());
        assertEquals(Files.readString(whole.resolve("summary.csv")), Files.readString(merged.resolve("summary.csv")));
        assertEquals(2, lines(merged).size());
        assertTrue(Files.exists(merged.resolve("junit.xml")));
        assertTrue(Files.exists(merged.resolve("gradescope/alice/" + ID + "/results.json")));

        // a pair recorded twice with different results is a conflict
        Path forged = dir.resolve("forged.jsonl");
        String line = Files.readAllLines(whole.resolve("results.jsonl")).get(0);
        JsonNode node = JSON.readTree(line);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("score", node.get("score").asDouble() + 1);
        Files.writeString(forged, JSON.writeValueAsString(node) + "\n", StandardOpenOption.CREATE);
        CliRun conflict = run("merge", whole.toString(), forged.toString(), "--out", dir.resolve("m2").toString());
        assertEquals(2, conflict.code(), conflict.err());
        assertTrue(conflict.err().contains("conflicting"), conflict.err());
        assertFalse(Files.exists(dir.resolve("m2/results.jsonl")));
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
