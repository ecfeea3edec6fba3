package dev.pygrade;

import java.time.Duration;

/** Waits for a condition to hold, looking every few milliseconds, up to a deadline: never a guessed sleep. */
public final class Poll {
    private static final Duration INTERVAL = Duration.ofMillis(20);

    /** A condition that may need I/O to be checked (an HTTP request, a file read). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Poll() {
    }

    /** Answers true as soon as the condition holds, false if it still does not once patience has passed. */
    public static boolean until(Duration patience, Condition condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(INTERVAL); // the interval between looks, not a guess at how long anything takes
        }
        return true;
    }
}
