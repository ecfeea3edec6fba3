package dev.pygrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pygrade.cpython.CPythonRunner;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.validation.CPythonCrossCheck;
import dev.pygrade.validation.ExerciseProof;
import dev.pygrade.validation.ExerciseReport;
import dev.pygrade.validation.ExerciseValidator;
import dev.pygrade.validation.Finding;
import dev.pygrade.validation.MutationReport;
import dev.pygrade.validation.MutationTester;
import dev.pygrade.validation.ValidationOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pygrade validate [ID...]: proves exercises before they are published. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Proves exercises: valid metadata; the reference scores full marks; every fixture gets its "
                + "recorded result; verdicts are the same when graded twice and (warnings) on CPython when python3 is "
                + "on the PATH; with --mutation, the checks catch mutants of the reference.",
                "Exits 1 on any problem (warnings alone do not fail)."})
final class ValidateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    Pygrade root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    IsolationOption isolation;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Exercises to validate (default: all).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FormatOption.Format format;

    @Option(names = "--mutation",
            description = "Mutation testing: grade mutants of the reference, report the share caught and the "
                    + "survivors (default: off; it grades up to --mutants more answers per exercise).")
    boolean mutation;

    @Option(names = "--mutants", paramLabel = "N", defaultValue = "" + ValidationOptions.DEFAULT_MUTANTS,
            description = "At most N mutants per exercise (default: ${DEFAULT-VALUE}); always the same ones.")
    int mutants;

    @Option(names = "--min-mutation-score", paramLabel = "PERCENT",
            description = "Fail when the checks catch fewer than PERCENT of the mutants (implies --mutation).")
    String minMutationScore;

    // Plain flags that switch a default-on step off: picocli's negatable options with a default of
    // true are easy to misread (and to get wrong).
    @Option(names = "--no-determinism",
            description = "Skip grading the reference and each fixture a second time to compare the verdicts.")
    boolean noDeterminism;

    @Option(names = "--no-cpython", description = "Skip the CPython cross-check (run when python3 is on the PATH).")
    boolean noCpython;

    @Option(names = "--no-fixtures", description = "Grade only the reference, not the fixtures.")
    boolean noFixtures;

    @Override
    public Integer call() {
        ValidationOptions options = options();
        ExerciseRepository repository = root.services.exercises(root.exercisesDir);
        List<String> chosen = ids.isEmpty() ? allIds(repository) : ids;
        for (String id : chosen) {
            if (!Files.isDirectory(repository.root().resolve(id)) || id.contains("/") || id.contains("..")) {
                ExerciseLookup.require(repository, id); // throws the usual "unknown exercise" with suggestions
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean text = format == FormatOption.Format.text;
        Optional<Path> python = options.cpython()
                ? CPythonRunner.findPython(root.services.environment()).map(CPythonRunner::resolve) : Optional.empty();
        try (CPythonRunner runner = python.map(CPythonRunner::new).orElse(null)) {
            ExerciseProof proof = new ExerciseProof(root.services.grader(isolation.isolation), repository.root().resolveSibling("fixtures"),
                    options.mutation() ? new MutationTester(root.services.grader(isolation.isolation), root.services.mutator()) : null,
                    runner == null ? null : new CPythonCrossCheck(runner));
            List<ExerciseReport> reports = new ArrayList<>();
            for (String id : chosen) {
                if (text) {
                    out.println(id);
                    out.flush();
                }
                ExerciseReport report = proof.prove(repository, id, options, text ? new TextProgress(out)
                        : new ExerciseProof.Listener() { });
                reports.add(report);
                if (text) {
                    printReport(out, report);
                }
            }
            if (text) {
                printSummary(out, reports, options, python);
            } else {
                printJson(out, reports);
            }
            out.flush();
            return reports.stream().allMatch(ExerciseReport::valid) ? ExitCode.OK.code()
                    : ExitCode.BELOW_FULL_MARKS.code();
        }
    }

    private ValidationOptions options() {
        Double minimum = minMutationScore == null ? null : percent(minMutationScore);
        if (mutants < 1) {
            throw new UserError("--mutants must be at least 1");
        }
        return new ValidationOptions(!noFixtures, !noDeterminism, !noCpython, mutation || minimum != null, mutants, minimum);
    }

    private static double percent(String text) {
        String number = text.strip().endsWith("%") ? text.strip().substring(0, text.strip().length() - 1) : text.strip();
        try {
            double value = Double.parseDouble(number);
            if (value >= 0 && value <= 100) {
                return value / 100;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UserError("--min-mutation-score must be a percentage from 0 to 100, not '" + text + "'");
    }

    /** Every sub-folder of the exercises folder, broken ones too: validate reports what is wrong with them. */
    private static List<String> allIds(ExerciseRepository repository) {
        if (!Files.isDirectory(repository.root())) {
            throw new UserError(repository.root() + ": the exercises folder does not exist");
        }
        try (Stream<Path> folders = Files.list(repository.root())) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per graded answer, and each surviving mutant, as they come. */
    private record TextProgress(PrintWriter out) implements ExerciseProof.Listener {
        @Override
        public void graded(ExerciseValidator.Case graded) {
            out.printf("  %-4s %s%s%n", graded.matches() ? "ok" : "BAD", graded.file().getFileName(),
                    graded.actual() == null ? "" : " (" + graded.actual().status().wire() + ", "
                            + trim(graded.actual().score()) + "/" + trim(graded.actual().maxScore()) + ", "
                            + graded.actual().durationMs() + " ms)");
            out.flush();
        }

        @Override
        public void mutant(MutationTester.Outcome outcome) {
            if (!outcome.caught()) {
                out.printf("  %-8s %s:%d %s%s%n", outcome.counted() ? "survived" : "skipped", outcome.file(),
                        outcome.mutant().line(), outcome.mutant().change(),
                        outcome.counted() ? "" : " (the grader failed on it; not counted)");
                out.flush();
            }
        }
    }

    private static void printReport(PrintWriter out, ExerciseReport report) {
        MutationReport mutation = report.mutation();
        if (mutation != null) {
            out.printf(Locale.ROOT, "  mutation: %d of %d mutants caught (%.0f%%), %d survived, %.1f s%n",
                    mutation.caught(), mutation.mutants(), 100 * mutation.score(), mutation.survivors().size(),
                    mutation.durationMs() / 1000.0);
        }
        for (Finding finding : report.findings()) {
            out.println("  " + finding.located());
        }
        out.flush();
    }

    private static void printSummary(PrintWriter out, List<ExerciseReport> reports, ValidationOptions options,
            Optional<Path> python) {
        long errors = reports.stream().flatMap(r -> r.findings().stream()).filter(Finding::error).count();
        long warnings = reports.stream().flatMap(r -> r.findings().stream()).filter(f -> !f.error()).count();
        if (options.cpython() && python.isEmpty()) {
            out.println("note: no python3 on the PATH: the CPython cross-check was skipped");
        }
        if (options.mutation() && reports.size() > 1) {
            out.println("mutation scores:");
            for (ExerciseReport report : reports) {
                if (report.mutation() != null) {
                    out.printf(Locale.ROOT, "  %-28s %3.0f%%  %2d/%-2d caught  %6.1f s%n", report.exercise(),
                            100 * report.mutation().score(), report.mutation().caught(), report.mutation().mutants(),
                            report.mutation().durationMs() / 1000.0);
                }
            }
        }
        if (errors > 0 && reports.size() > 1) {
            // Repeated at the end: over 40 exercises the first report scrolled away long ago.
            out.println("problems:");
            reports.forEach(report -> report.findings().stream().filter(Finding::error)
                    .forEach(finding -> out.println("  " + finding.located())));
        }
        out.println(errors == 0 ? "all " + reports.size() + " exercise(s) valid"
                + (warnings == 0 ? "" : " (" + warnings + " warning(s))")
                : errors + " problem(s) found" + (warnings == 0 ? "" : ", " + warnings + " warning(s)"));
    }

    private static void printJson(PrintWriter out, List<ExerciseReport> reports) {
        ObjectNode root = JSON.createObjectNode();
        root.put("valid", reports.stream().allMatch(ExerciseReport::valid));
        root.set("exercises", JSON.valueToTree(reports));
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
