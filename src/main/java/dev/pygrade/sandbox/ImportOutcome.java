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

    /** The answer imported, but the unittest file it is graded by did not load with it. */
    record TestsNotLoaded(ExceptionInfo exception) implements ImportOutcome {
    }
}
