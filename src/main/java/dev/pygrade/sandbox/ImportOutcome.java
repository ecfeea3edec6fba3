package dev.pygrade.sandbox;

/** How importing the submission went. */
public sealed interface ImportOutcome {

    record Imported() implements ImportOutcome {
    }

    record SyntaxProblem(String file, int line, int column, String sourceLine, String message)
            implements ImportOutcome {
    }

    record Raised(ExceptionInfo exception) implements ImportOutcome {
    }
}
