package dev.pygrade.cli;

import dev.pygrade.assessment.Assessment;
import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** pygrade assessment list. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the assessments, newest first.")
final class AssessmentListCommand extends AssessmentSubcommand {
    @Mixin
    FormatOption format;

    @Override
    int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
        List<Assessment> all = service.assessments();
        if (format.format == FormatOption.Format.json) {
            var array = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
            all.forEach(assessment -> array.add(AssessmentJson.assessment(assessment)));
            out.println(array);
            return ExitCode.OK.code();
        }
        if (all.isEmpty()) {
            out.println("no assessments yet: pygrade assessment create NAME --exercise ID --minutes N");
        }
        for (Assessment assessment : all) {
            out.println(assessment.id() + "  " + assessment.name() + "  [" + String.join(", ", assessment.exerciseIds())
                    + "]  " + assessment.timeAllowed().toMinutes() + " min, " + assessment.attemptsAllowed()
                    + " attempt(s), feedback " + assessment.feedback().wire() + ", "
                    + service.candidates(assessment.id()).size() + " candidate(s)");
        }
        return ExitCode.OK.code();
    }
}
