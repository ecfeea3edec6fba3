package dev.pygrade.cli;

import dev.pygrade.batch.ResultsLog;
import dev.pygrade.batch.ResultsMerger;
import dev.pygrade.report.BatchReports;
import dev.pygrade.report.BatchSummary;
import dev.pygrade.report.CandidateResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade merge RESULTS... --out MERGED: joins shards' results into one folder and its reports. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Joins the results of several batch runs (shards) into one results.jsonl and regenerates "
                + "summary.csv, junit.xml and gradescope/. A pair recorded twice with the same result is kept "
                + "once; recorded twice with different results, it is an error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"  0:merged",
                "  2:usage or input error (missing results, conflicting duplicates, MERGED already holds results)",
                "  3:internal error"})
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS",
            description = "Result folders of batch runs (or their results.jsonl files).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "MERGED", description = "Folder for the merged results.")
    Path out;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Path mergedFile = out.resolve(ResultsLog.FILE);
        if (ResultsLog.hasContent(mergedFile)) {
            throw new UserError(mergedFile + " already holds results; choose another --out");
        }
        ResultsMerger merger = new ResultsMerger();
        PrintWriter err = spec.commandLine().getErr();
        for (Path input : inputs) {
            Path file = Files.isDirectory(input) ? input.resolve(ResultsLog.FILE) : input;
            if (!Files.isRegularFile(file)) {
                throw new UserError(file + ": no such results file");
            }
            if (ResultsLog.torn(file)) {
                err.println("pygrade: " + file + ": ignoring its torn last line (the run was stopped mid-write)");
            }
            try {
                merger.add(file.toString(), BatchCommand.load(file, false));
            } catch (IllegalArgumentException conflict) {
                throw new UserError(conflict.getMessage());
            }
        }
        List<CandidateResult> merged = merger.merged();
        try (ResultsLog log = ResultsLog.append(mergedFile)) {
            merged.forEach(log::write);
        }
        BatchReports.write(merged, out);
        if (merger.duplicates() > 0) {
            err.println("pygrade: " + merger.duplicates() + " identical duplicate(s) kept once");
        }
        BatchSummary summary = BatchSummary.of(out.toString(), null, merged, 0, merged.size(), List.of(),
                (System.nanoTime() - started) / 1_000_000);
        PrintWriter stdout = spec.commandLine().getOut();
        if (format.format == FormatOption.Format.json) {
            summary.writeJson(stdout);
        } else {
            summary.writeText(stdout);
        }
        return ExitCode.OK.code();
    }
}
