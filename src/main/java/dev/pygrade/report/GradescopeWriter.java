package dev.pygrade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.GradeResult;
import java.io.IOException;
import java.io.Writer;

/**
 * A Gradescope autograder results.json for one grading
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): the top-level score,
 * execution_time (seconds) and output, one test per check with name, score, max_score,
 * status ("passed" or "failed"), output and visibility, and pygrade's own status in extra_data.
 */
public final class GradescopeWriter {
    public static final String FOLDER = "gradescope";
    public static final String FILE = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ObjectNode toJson(CandidateResult line) {
        GradeResult result = line.result();
        ObjectNode root = JSON.createObjectNode();
        root.put("score", result.score());
        root.put("execution_time", Math.max(0, Math.round(result.durationMs() / 1000.0)));
        root.put("output", summary(result));
        root.put("visibility", "visible");
        ArrayNode tests = root.putArray("tests");
        for (CheckResult check : result.checks()) {
            ObjectNode test = tests.addObject();
            test.put("name", check.name());
            test.put("score", check.score());
            test.put("max_score", check.maxScore());
            test.put("status", check.lost() ? "failed" : "passed");
            test.put("output", output(check));
            test.put("visibility", "visible");
        }
        ObjectNode extra = root.putObject("extra_data");
        extra.put("candidate", line.candidate());
        extra.put("exercise", result.exercise());
        extra.put("submission", result.submission());
        extra.put("status", result.status().wire());
        extra.put("max_score", result.maxScore());
        return root;
    }

    public void write(CandidateResult line, Writer out) throws IOException {
        out.write(JSON.writeValueAsString(toJson(line)));
        out.write("\n");
        out.flush();
    }

    private static String summary(GradeResult result) {
        String text = result.exercise() + ": " + Scores.format(result.score()) + " / " + Scores.format(result.maxScore())
                + " (" + result.status().wire() + ")";
        return result.error() == null ? text : text + "\n" + result.error().located();
    }

    private static String output(CheckResult check) {
        StringBuilder text = new StringBuilder(check.description());
        if (!check.passed()) {
            text.append("\n").append(check.status().wire());
            if (!check.message().isBlank()) {
                text.append(": ").append(check.message());
            }
        }
        if (!check.output().isBlank()) {
            text.append("\noutput:\n").append(check.output());
        }
        return text.toString();
    }
}
