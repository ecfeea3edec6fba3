package dev.pygrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** pygrade assessment ...: assessments, invitations, results, submissions, exports, regrades, similarity, tokens. */
@Command(name = "assessment", mixinStandardHelpOptions = true,
        description = {"Runs assessments: create one, invite candidates (one secret link each), read the results "
                + "and a candidate's submissions, export them, regrade after an exercise changes, look for answers "
                + "that are alike, and manage the instructors' tokens. Stored in SQLite (data/pygrade.db, created on "
                + "first use) or PostgreSQL (--db). See docs/assessments.md."},
        subcommands = {AssessmentCreateCommand.class, AssessmentListCommand.class, AssessmentInviteCommand.class,
                AssessmentResultsCommand.class, AssessmentSubmissionsCommand.class, AssessmentExportCommand.class,
                AssessmentRegradeCommand.class, AssessmentSimilarityCommand.class, AssessmentTokenCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"  0:success", "  2:usage or input error (unknown assessment, exercise or candidate, bad "
                + "option, database unreachable)", "  3:internal error"})
final class AssessmentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required (create, list, invite, results, submissions, export, regrade, similarity, "
                        + "token)");
    }
}
