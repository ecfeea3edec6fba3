package dev.pygrade.sandbox;

/** The outcome of one guarded call into the sandbox. */
public sealed interface Step<T> {

    record Done<T>(T value) implements Step<T> {
    }

    record Stopped<T>(StopReason reason, String detail) implements Step<T> {
    }
}
