package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.InstructorView;
import dev.pygrade.report.TextReporter;
import dev.pygrade.store.ResultRecord;
import dev.pygrade.store.SubmissionRecord;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pygrade assessment submissions ID CANDIDATE: a candidate's attempts, code, every grading and its receipt. */
@Command(name = "submissions", mixinStandardHelpOptions = true,
        description = "Prints a candidate's submissions, oldest first: each one's code (with --code), every grading "
                + "of it (the first and each regrade) as pygrade grade reports it, and the receipt of each.")
final class AssessmentSubmissionsCommand extends AssessmentSubcommand {
    @Parameters(index = "0", paramLabel = "ASSESSMENT", description = "The assessment's id.")
    long assessmentId;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The candidate's name, as invited.")
    String candidate;

    @Option(names = "--code", description = "Print each submission's files too.")
    boolean code;

    @Mixin
    FormatOption format;

    @Override
    int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
        List<InstructorView.SubmissionHistory> history = service.history(assessmentId, candidate);
        if (format.format == FormatOption.Format.json) {
            out.println(AssessmentJson.history(history));
            return ExitCode.OK.code();
        }
        if (history.isEmpty()) {
            out.println(candidate + " has submitted nothing yet");
        }
        TextReporter reporter = new TextReporter();
        for (InstructorView.SubmissionHistory entry : history) {
            SubmissionRecord stored = entry.submission();
            out.println("== submission " + stored.id() + ": " + stored.exerciseId() + ", attempt " + stored.attempt()
                    + ", " + stored.submittedAt() + ", " + stored.status().wire());
            if (code) {
                for (SubmissionRecord.StoredFile file : stored.files()) {
                    out.println("-- " + file.path());
                    out.println(file.text().stripTrailing());
                }
            }
            for (ResultRecord grading : entry.gradings()) {
                out.println("-- graded " + grading.gradedAt() + " (" + grading.reason().wire() + "), checks "
                        + shortHash(grading.receipt().checksSha256()) + ", prompt "
                        + shortHash(grading.receipt().promptSha256()) + ", limits "
                        + shortHash(grading.receipt().limitsSha256()) + ", code "
                        + shortHash(grading.receipt().codeSha256()) + ", pygrade " + grading.receipt().pygradeVersion());
                reporter.write(grading.result(), out);
            }
        }
        return ExitCode.OK.code();
    }

    private static String shortHash(String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }
}
