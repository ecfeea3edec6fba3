package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.ResultsTable;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** pygrade assessment results ID: candidates x exercises. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Prints candidates x exercises: per cell the best and last score and the attempts "
                + "(\"best/last of max, attempts\"), per candidate the time used (from opening the link to the last "
                + "submission).")
final class AssessmentResultsCommand extends AssessmentSubcommand {
    @Parameters(paramLabel = "ASSESSMENT", description = "The assessment's id.")
    long assessmentId;

    @Mixin
    FormatOption format;

    @Override
    int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
        ResultsTable table = service.results(assessmentId);
        if (format.format == FormatOption.Format.json) {
            out.println(AssessmentJson.results(table));
            return ExitCode.OK.code();
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("candidate", "time used"));
        header.addAll(table.exerciseIds());
        rows.add(header);
        for (ResultsTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.candidate(),
                    row.startedAt().isEmpty() ? "not started" : row.timeUsed().map(AssessmentResultsCommand::duration)
                            .orElse("started")));
            for (String exercise : table.exerciseIds()) {
                cells.add(cell(row.cells().get(exercise)));
            }
            rows.add(cells);
        }
        int[] widths = new int[header.size()];
        rows.forEach(cells -> {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        });
        out.println("assessment " + table.assessmentId() + ": " + table.assessmentName() + " ("
                + table.rows().size() + " candidate(s))");
        for (List<String> cells : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", cells.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        return ExitCode.OK.code();
    }

    private static String cell(ResultsTable.Cell cell) {
        if (cell.attempts() == 0) {
            return "-";
        }
        String scores = cell.best().isEmpty() ? "pending" : score(cell.best()) + "/" + score(cell.last()) + " of "
                + score(OptionalDouble.of(cell.maxScore()));
        return scores + ", " + cell.attempts() + " att." + (cell.pending() > 0 && cell.best().isPresent()
                ? " (" + cell.pending() + " pending)" : "");
    }

    private static String score(OptionalDouble value) {
        double score = value.orElse(0);
        return score == Math.rint(score) ? String.valueOf((long) score) : String.format(Locale.ROOT, "%.2f", score);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
