package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentJson;
import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.Invitation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pygrade assessment invite ID NAME...: one secret link token per candidate, shown once. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = {"Invites candidates to an assessment and prints one secret token per candidate (a line each: "
                + "name, then token or link). Only the token's hash is stored: copy them now."})
final class AssessmentInviteCommand extends AssessmentSubcommand {
    @Parameters(index = "0", paramLabel = "ASSESSMENT", description = "The assessment's id.")
    long assessmentId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "NAME",
            description = "Candidates' names (or e-mail addresses), unique within the assessment.")
    List<String> names;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Print links instead of bare tokens: URL followed by the token (for pygrade serve: "
                    + "http://HOST:PORT/a/).")
    String baseUrl;

    @Mixin
    FormatOption format;

    @Override
    int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
        List<Invitation> invitations = service.invite(assessmentId, names);
        if (format.format == FormatOption.Format.json) {
            var array = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
            invitations.forEach(invitation -> array.add(AssessmentJson.invitation(invitation, link(invitation))));
            out.println(array);
        } else {
            for (Invitation invitation : invitations) {
                out.println(invitation.candidateName() + "\t" + link(invitation).orElse(invitation.token()));
            }
        }
        err.println("pygrade: " + invitations.size() + " candidate(s) invited to assessment " + assessmentId
                + "; these tokens are shown only now (only their hashes are stored)");
        err.flush();
        return ExitCode.OK.code();
    }

    private Optional<String> link(Invitation invitation) {
        return Optional.ofNullable(baseUrl).map(base -> base + invitation.token());
    }
}
