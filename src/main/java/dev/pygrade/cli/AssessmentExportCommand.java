package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentExport;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.ResultsTable;
import dev.pygrade.report.BatchReports;
import dev.pygrade.report.CandidateResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pygrade assessment export ID --format csv|jsonl|junit|gradescope --out PATH. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports an assessment's results in the formats of pygrade batch (docs/batch.md): one result "
                + "per candidate and exercise, their best (or --pick last) graded submission.",
                "csv: summary.csv's table; jsonl: results.jsonl's lines; junit: junit.xml; gradescope: a folder of "
                        + "CANDIDATE/EXERCISE/results.json."})
final class AssessmentExportCommand extends AssessmentSubcommand {
    @Parameters(paramLabel = "ASSESSMENT", description = "The assessment's id.")
    long assessmentId;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "csv, jsonl, junit or gradescope.")
    String format;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "The file to write ('-' for stdout), or the folder for gradescope.")
    String out;

    @Option(names = "--pick", paramLabel = "WHICH", defaultValue = "best",
            description = "Which graded submission stands for a candidate's exercise: best or last "
                    + "(default: ${DEFAULT-VALUE}).")
    String pick;

    @Override
    int execute(AssessmentService service, PrintWriter stdout, PrintWriter err) throws IOException {
        AssessmentExport.Format chosen;
        ResultsTable.Pick which;
        try {
            chosen = AssessmentExport.Format.of(format);
            which = ResultsTable.Pick.valueOf(pick.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException invalid) {
            throw new UserError(invalid.getMessage().startsWith("No enum") ? "--pick: expected best or last, not '"
                    + pick + "'" : "--format: " + invalid.getMessage());
        }
        List<CandidateResult> results = service.exportResults(assessmentId, which);
        if (chosen.folder()) {
            if (out.equals("-")) {
                throw new UserError("--format gradescope writes a folder: give --out DIR");
            }
            List<Path> files = AssessmentExport.writeFolder(results, Path.of(out));
            err.println("pygrade: " + files.size() + " results.json written under " + out);
        } else if (out.equals("-")) {
            AssessmentExport.write(chosen, results, stdout);
        } else {
            Path file = Path.of(out);
            if (Files.isDirectory(file)) {
                throw new UserError(out + ": is a folder; --format " + chosen.wire() + " writes a file");
            }
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = BatchReports.utf8Writer(temporary)) {
                AssessmentExport.write(chosen, results, writer);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            err.println("pygrade: " + results.size() + " result(s) written to " + out);
        }
        err.flush();
        return ExitCode.OK.code();
    }
}
