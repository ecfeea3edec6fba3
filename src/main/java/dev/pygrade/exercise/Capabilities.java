package dev.pygrade.exercise;

/** What an exercise lets the sandbox do beyond the default of nothing (exercise.json "sandbox"). */
public record Capabilities(boolean threads, boolean tracing, boolean asyncio, boolean files) {
    public static final Capabilities NONE = new Capabilities(false, false, false, false);
}
