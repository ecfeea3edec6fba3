package dev.pygrade.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * summary.csv: one row per candidate, one column per exercise (the score; empty when the
 * candidate did not answer it), then the total and the marks available over every exercise
 * in the table. RFC 4180: comma-separated, CRLF line ends, quoted where needed.
 */
public final class SummaryCsvWriter {
    public static final String FILE = "summary.csv";

    public void write(List<CandidateResult> results, Writer out) throws IOException {
        TreeSet<String> exercises = new TreeSet<>();
        Map<String, Double> maxByExercise = new TreeMap<>();
        Map<String, Map<String, Double>> scores = new TreeMap<>();
        for (CandidateResult line : results) {
            exercises.add(line.exercise());
            maxByExercise.merge(line.exercise(), line.result().maxScore(), Math::max);
            scores.computeIfAbsent(line.candidate(), c -> new TreeMap<>()).put(line.exercise(), line.result().score());
        }
        double maxTotal = maxByExercise.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> header = new ArrayList<>();
        header.add("candidate");
        header.addAll(exercises);
        header.add("total");
        header.add("max_total");
        row(header, out);
        for (var candidate : scores.entrySet()) {
            List<String> cells = new ArrayList<>();
            cells.add(candidate.getKey());
            double total = 0;
            for (String exercise : exercises) {
                Double score = candidate.getValue().get(exercise);
                cells.add(score == null ? "" : Scores.format(score));
                total += score == null ? 0 : score;
            }
            cells.add(Scores.format(total));
            cells.add(Scores.format(maxTotal));
            row(cells, out);
        }
        out.flush();
    }

    private static void row(List<String> cells, Writer out) throws IOException {
        List<String> quoted = cells.stream().map(SummaryCsvWriter::quote).toList();
        out.write(String.join(",", quoted) + "\r\n");
    }

    static String quote(String cell) {
        boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                || !cell.equals(cell.strip());
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
