package dev.pygrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pygrade.grading.GradeResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** One JSON object per result (schema pygrade.result/2, docs/result-schema.md). */
public final class JsonReporter implements Reporter {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(GradeResult result, PrintWriter out) {
        out.println(toJson(result));
        out.flush();
    }

    public static String toJson(GradeResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GradeResult fromJson(String json) {
        try {
            return JSON.readValue(json, GradeResult.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
