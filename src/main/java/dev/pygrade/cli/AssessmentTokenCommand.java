package dev.pygrade.cli;

import dev.pygrade.assessment.AssessmentService;
import dev.pygrade.assessment.IssuedToken;
import dev.pygrade.store.InstructorTokenRecord;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** pygrade assessment token create|list|revoke: the instructors' bearer tokens. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Instructors' bearer tokens for the server's instructor pages and API; stored hashed.",
        subcommands = {AssessmentTokenCommand.Create.class, AssessmentTokenCommand.ListTokens.class,
                AssessmentTokenCommand.Revoke.class})
final class AssessmentTokenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (create, list, revoke)");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token and prints it: the only time it is shown.")
    static final class Create extends AssessmentSubcommand {
        @Parameters(paramLabel = "NAME", description = "Whose token it is, or what it is for.")
        String name;

        @Override
        int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
            IssuedToken issued = service.createInstructorToken(name);
            out.println(issued.token());
            err.println("pygrade: token " + issued.id() + " (" + issued.name() + ") created; it is shown only now. "
                    + "Send it as 'Authorization: Bearer TOKEN'.");
            err.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tokens (never the secrets).")
    static final class ListTokens extends AssessmentSubcommand {
        @Override
        int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
            for (InstructorTokenRecord token : service.instructorTokens()) {
                out.println(token.id() + "  " + token.name() + "  created " + token.createdAt()
                        + token.revokedAt().map(at -> "  revoked " + at).orElse(""));
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token by its id.")
    static final class Revoke extends AssessmentSubcommand {
        @Parameters(paramLabel = "ID", description = "The token's id (see 'token list').")
        long id;

        @Override
        int execute(AssessmentService service, PrintWriter out, PrintWriter err) {
            service.revokeInstructorToken(id);
            out.println("token " + id + " revoked");
            return ExitCode.OK.code();
        }
    }
}
