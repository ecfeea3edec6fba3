package dev.pygrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pygrade.grading.GradeResult;

/**
 * One line of a batch's results.jsonl: the grading's result object (pygrade.result/2) with a
 * top-level "candidate" field first.
 */
public record CandidateResult(String candidate, GradeResult result) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String exercise() {
        return result.exercise();
    }

    public String toJsonLine() {
        ObjectNode line = JSON.createObjectNode();
        line.put("candidate", candidate);
        line.setAll((ObjectNode) JSON.valueToTree(result));
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result always serializes", e);
        }
    }

    /** IllegalArgumentException when the line is not a result with a candidate. */
    public static CandidateResult fromJsonLine(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject() || !node.path("candidate").isTextual()
                    || !node.path("exercise").isTextual()) {
                throw new IllegalArgumentException("not a result line (needs \"candidate\" and \"exercise\")");
            }
            String candidate = node.get("candidate").asText();
            ((ObjectNode) node).remove("candidate");
            return new CandidateResult(candidate, JSON.treeToValue(node, GradeResult.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
