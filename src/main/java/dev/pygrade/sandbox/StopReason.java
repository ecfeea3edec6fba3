package dev.pygrade.sandbox;

/** Why a step of a grading ended without an answer from the sandbox. */
public enum StopReason {
    /** Its time limit passed; the context was cancelled. */
    TIMEOUT,
    /** The heap ran short; the context was cancelled before the JVM could fail. */
    MEMORY,
    /** Candidate code ended the interpreter (os._exit or a way around the harness). */
    EXIT,
    /** The Java stack overflowed (unbounded recursion below Python's own limit). */
    STACK_OVERFLOW,
    /**
     * Candidate code asked for something the sandbox refuses (a thread where none are granted,
     * a socket) in a way GraalPy reports as a host error rather than a Python exception.
     */
    DENIED,
    /** GraalPy itself failed: not the candidate's fault. */
    INTERNAL_ERROR
}
