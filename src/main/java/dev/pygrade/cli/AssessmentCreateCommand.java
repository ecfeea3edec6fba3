package dev.pygrade.cli;

import dev.pygrade.assessment.Assessment;
import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.AssessmentSpec;
import dev.pygrade.assessment.FeedbackLevel;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pygrade assessment create NAME --exercise ID... --minutes N [...]. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates an assessment and prints its id.")
final class AssessmentCreateCommand extends AssessmentSubcommand {
    @Parameters(paramLabel = "NAME", description = "What candidates and instructors see it called.")
    String name;

    @Option(names = "--exercise", paramLabel = "ID", required = true,
            description = "An exercise of the assessment, in the order candidates see them (repeatable).")
    List<String> exercises;

    @Option(names = "--minutes", paramLabel = "N", required = true,
            description = "Time each candidate has, from the moment they first open their link.")
    long minutes;

    @Option(names = "--opens", paramLabel = "TIME",
            description = "When the assessment opens, e.g. 2026-03-02T09:00:00Z (default: at once).")
    String opens;

    @Option(names = "--closes", paramLabel = "TIME",
            description = "When it closes for everyone, e.g. 2026-03-06T17:00:00+01:00 (default: never).")
    String closes;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "1",
            description = "Submissions allowed per exercise (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--feedback", paramLabel = "LEVEL", defaultValue = "full",
            description = "What candidates see of a grading: full (every check's message), scores, or "
                    + "none_until_closed (default: ${DEFAULT-VALUE}).")
    String feedback;

    @Mixin
    FormatOption format;

    @Override
    int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
        AssessmentSpec spec;
        try {
            spec = new AssessmentSpec(name, exercises, Duration.ofMinutes(minutes), time("--opens", opens),
                    time("--closes", closes), attempts, FeedbackLevel.of(feedback));
        } catch (IllegalArgumentException invalid) {
            throw new UserError(invalid.getMessage());
        }
        Assessment created = service.create(spec);
        if (format.format == FormatOption.Format.json) {
            out.println(AssessmentJson.assessment(created));
        } else {
            out.println("created assessment " + created.id() + ": " + created.name() + " ("
                    + created.exerciseIds().size() + " exercise" + (created.exerciseIds().size() == 1 ? "" : "s") + ", "
                    + minutes + " min per candidate, " + created.attemptsAllowed() + " attempt"
                    + (created.attemptsAllowed() == 1 ? "" : "s") + " each, feedback " + created.feedback().wire()
                    + created.opensAt().map(time -> ", opens " + time).orElse("")
                    + created.closesAt().map(time -> ", closes " + time).orElse("") + ")");
            out.println("next: pygrade assessment invite " + created.id() + " NAME...");
        }
        return ExitCode.OK.code();
    }

    static Optional<Instant> time(String option, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notATime) {
            throw new UserError(option + ": '" + text + "' is not a time with its offset, such as "
                    + "2026-03-02T09:00:00Z or 2026-03-02T10:00:00+01:00");
        }
    }
}
