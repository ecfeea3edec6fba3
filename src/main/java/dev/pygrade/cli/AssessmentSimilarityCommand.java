package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.SimilarityPairs;
import dev.pygrade.similarity.Similarity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pygrade assessment similarity ID: pairs of candidates whose answers are alike. */
@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = {"Per exercise, the pairs of candidates whose last answers are most alike once names, literals, "
                + "comments and layout are normalised away (token fingerprints, winnowed as MOSS does).",
                "jaccard: fingerprints shared / all; containment: shared / the smaller answer's. A pointer for a "
                        + "person to read both answers, never a verdict: short exercises have few ways to be "
                        + "written."})
final class AssessmentSimilarityCommand extends AssessmentSubcommand {
    @Parameters(paramLabel = "ASSESSMENT", description = "The assessment's id.")
    long assessmentId;

    @Option(names = "--exercise", paramLabel = "ID", description = "Only this exercise.")
    String exercise;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Pairs shown per exercise in text (default: ${DEFAULT-VALUE}; JSON lists all).")
    int top;

    @Mixin
    FormatOption format;

    @Override
    int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
        List<SimilarityPairs> reports = service.similarity(assessmentId, Optional.ofNullable(exercise));
        if (format.format == FormatOption.Format.json) {
            out.println(AssessmentJson.similarity(reports));
            return ExitCode.OK.code();
        }
        for (SimilarityPairs report : reports) {
            out.println(report.exerciseId() + ": " + report.answers() + " answer(s), " + report.pairs().size()
                    + " pair(s)" + (report.pairs().isEmpty() ? "" : ", most alike first:"));
            for (Similarity.Pair pair : report.pairs().stream().limit(Math.max(0, top)).toList()) {
                out.printf(Locale.ROOT, "  %5.1f%% jaccard  %5.1f%% containment  %s ~ %s%n", pair.jaccard() * 100,
                        pair.containment() * 100, pair.first(), pair.second());
            }
        }
        out.println("a high score is a reason to read both answers, not a finding of copying");
        return ExitCode.OK.code();
    }
}
