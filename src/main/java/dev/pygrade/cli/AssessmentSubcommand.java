package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentException;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.ServiceSettings;
import dev.pygrade.grading.Grading;
import dev.pygrade.store.Database;
import dev.pygrade.store.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The template of every assessment subcommand: open the database (a usage error, located, when it
 * cannot be), build the service, run, close. The service's refusals (no such assessment, an
 * invalid value) are usage errors too.
 */
abstract class AssessmentSubcommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    /** The root command, for its services and --exercises. */
    Pygrade root() {
        return (Pygrade) spec.root().userObject();
    }

    /** The grading a command that regrades uses; the others never grade. */
    Grading grading() {
        return (exercise, submission, limits) -> {
            throw new IllegalStateException("pygrade assessment " + spec.name() + " does not grade");
        };
    }

    /** Releases what {@link #grading()} started. */
    void closeGrading() {
    }

    abstract int execute(AssessmentService service, PrintWriter out, PrintWriter err) throws Exception;

    @Override
    public final Integer call() throws Exception {
        Database database;
        try {
            database = Database.open(store.location(root().services));
        } catch (StoreException unusable) {
            throw new UserError(unusable.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try (database; AssessmentService service = new AssessmentService(database,
                root().services.exercises(root().exercisesDir), grading(), settings(err))) {
            int code = execute(service, spec.commandLine().getOut(), err);
            spec.commandLine().getOut().flush();
            return code;
        } catch (AssessmentException refused) {
            throw new UserError(refused.getMessage());
        } finally {
            closeGrading();
        }
    }

    ServiceSettings settings(PrintWriter err) {
        return ServiceSettings.defaults().withLog(err);
    }
}
