package dev.pygrade.cli;

import dev.pygrade.batch.LiveProgressBar;
import dev.pygrade.batch.PeriodicProgress;
import dev.pygrade.batch.Progress;
import dev.pygrade.exercise.ExerciseException;
import dev.pygrade.services.Services;
import dev.pygrade.worker.WorkerRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command. Every command runs in-process with injected streams. */
@Command(name = "pygrade",
        mixinStandardHelpOptions = true,
        versionProvider = Pygrade.Version.class,
        description = "Grades Python answers against hidden checks in an embedded GraalPy sandbox.",
        subcommands = {GradeCommand.class, ListCommand.class, ShowCommand.class, ValidateCommand.class, NewCommand.class,
                BatchCommand.class, BenchCommand.class, MergeCommand.class, ServeCommand.class, LoadTestCommand.class,
                AssessmentCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {})
public final class Pygrade implements Runnable {
    @Option(names = "--exercises", paramLabel = "DIR",
            description = "Folder of exercises (default: exercises/ under PYGRADE_HOME or the working directory).")
    Path exercisesDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final Services services;

    Pygrade(Services services) {
        this.services = services;
    }

    /** The runtime of the worker JVMs a command starts, as PYGRADE_RUNTIME asks (the interpreter by default). */
    WorkerRuntime workerRuntime() {
        try {
            return WorkerRuntime.choose(services.environment().get(WorkerRuntime.ENVIRONMENT), services.home());
        } catch (IllegalArgumentException unusable) {
            throw new UserError(unusable.getMessage());
        }
    }

    /** A batch's progress on stderr: a line redrawn in place for a person at a terminal, else a line now and then. */
    Progress progress(PrintWriter err) {
        return services.interactive() ? new LiveProgressBar(err, System::nanoTime)
                : new PeriodicProgress(err, System::nanoTime);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required (grade, list, show, validate, new, batch, bench, merge, serve, loadtest, "
                        + "assessment)");
    }

    /** Runs pygrade; answers the exit code. Only {@link Main} calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Services services) {
        CommandLine line = new CommandLine(new Pygrade(services));
        line.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler((problem, arguments) -> {
            err.println("pygrade: " + problem.getMessage());
            err.println("Try 'pygrade " + commandName(problem.getCommandLine()) + "--help' for more information.");
            err.flush();
            return ExitCode.USAGE.code();
        });
        line.setExecutionExceptionHandler((failure, commandLine, parsed) -> handle(failure, err));
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String commandName(CommandLine commandLine) {
        return commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ";
    }

    private static int handle(Exception failure, PrintWriter err) {
        if (failure instanceof UserError user) {
            err.println("pygrade: " + user.getMessage());
            err.flush();
            return ExitCode.USAGE.code();
        }
        if (failure instanceof ExerciseException exercise) {
            err.println("pygrade: " + exercise.located());
            err.flush();
            return ExitCode.USAGE.code();
        }
        err.println("pygrade: internal error: " + failure);
        err.println("This is a bug in pygrade, not in the submission. Set PYGRADE_DEBUG=1 for a stack trace.");
        if (System.getenv("PYGRADE_DEBUG") != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Pygrade.class.getPackage().getImplementationVersion();
            return new String[] {"pygrade " + (version == null ? "development" : version)};
        }
    }
}
