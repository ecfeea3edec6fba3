package dev.pygrade;

import dev.pygrade.services.Services;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.Grader;
import java.nio.file.Path;

/** One engine for the whole test run: GraalPy's first context costs seconds. */
public final class TestSandbox {
    private static final Services SERVICES = new Services(home());

    private TestSandbox() {
    }

    public static Path home() {
        String home = System.getProperty("pygrade.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    public static Services services() {
        return SERVICES;
    }

    public static Grader grader() {
        return SERVICES.grader();
    }

    public static Grader grader(dev.pygrade.sandbox.Isolation isolation) {
        return SERVICES.grader(isolation);
    }

    public static ExerciseRepository exercises() {
        return SERVICES.exercises(null);
    }

    public static Path fixtures() {
        return home().resolve("fixtures");
    }
}
