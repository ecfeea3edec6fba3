package dev.pygrade.loadtest;

import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.Status;
import dev.pygrade.validation.FixtureExpectation;
import dev.pygrade.validation.FixtureSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What a load test sends: a deterministic mix (by seed) of correct, wrong and hostile answers
 * to the LRU-cache exercise, each with the verdict recorded for it in fixtures/ (the same
 * records the test suite holds the command line to). Of every 20 submissions, 12 are correct,
 * 5 wrong and 3 hostile.
 */
public record LoadPlan(List<Planned> submissions) {
    static final String EXERCISE = "q09-lru-cache";
    /** Hostile fixtures left out: a folder, a link, and those that need minutes or a lone worker. */
    private static final Set<String> UNSENDABLE = Set.of("folder_without_module", "symlink_out.py", "loop_call.py",
            "huge_power_import.py");

    public enum Kind { CORRECT, WRONG, HOSTILE }

    /** One submission: where it goes, its body, and what must come back. */
    public record Planned(int index, Kind kind, String exercise, String name, byte[] body, Expected expected) {
    }

    /**
     * A graded result (HTTP 200) with this status, score and, when recorded, exactly these checks
     * not passed; or a refusal (HTTP 400) whose message contains {@code refusal}.
     */
    public record Expected(Status status, double score, Set<String> notPassed, String refusal) {
        static Expected of(FixtureExpectation recorded) {
            return new Expected(recorded.status(), recorded.score(), recorded.notPassed(),
                    recorded.setup().unreadable());
        }

        boolean refused() {
            return refusal != null;
        }
    }

    private record Candidate(Kind kind, String exercise, Path file, Expected expected) {
    }

    public LoadPlan {
        submissions = List.copyOf(submissions);
    }

    public static LoadPlan build(Path home, int count, long seed) {
        ExerciseRepository exercises = new ExerciseRepository(home.resolve("exercises"));
        Path fixtures = home.resolve("fixtures");
        List<Candidate> correct = new ArrayList<>();
        List<Candidate> wrong = new ArrayList<>();
        List<Candidate> hostile = new ArrayList<>();
        Exercise lru = exercises.find(EXERCISE).orElseThrow(() -> new IllegalStateException("no exercise " + EXERCISE));
        correct.add(new Candidate(Kind.CORRECT, EXERCISE, lru.reference(), new Expected(Status.PASSED, 10, null, null)));
        for (FixtureExpectation recorded : FixtureSet.load(fixtures.resolve(EXERCISE)).expectations()) {
            Candidate candidate = new Candidate(recorded.status() == Status.PASSED ? Kind.CORRECT : Kind.WRONG, EXERCISE,
                    fixtures.resolve(EXERCISE).resolve(recorded.submission()), Expected.of(recorded));
            (candidate.kind() == Kind.CORRECT ? correct : wrong).add(candidate);
        }
        for (FixtureExpectation recorded : FixtureSet.load(fixtures.resolve("hostile")).expectations()) {
            if (!UNSENDABLE.contains(recorded.submission()) && !recorded.setup().workerOnly()
                    && EXERCISE.equals(recorded.setup().exercise())) {
                hostile.add(new Candidate(Kind.HOSTILE, EXERCISE, fixtures.resolve("hostile").resolve(recorded.submission()),
                        Expected.of(recorded)));
            }
        }
        Random random = new Random(seed);
        List<Planned> planned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int slot = i % 20;
            List<Candidate> pool = slot < 12 ? correct : slot < 17 ? wrong : hostile;
            Candidate chosen = pool.get(random.nextInt(pool.size()));
            planned.add(new Planned(i, chosen.kind(), chosen.exercise(), chosen.file().getFileName().toString(),
                    read(chosen.file()), chosen.expected()));
        }
        return new LoadPlan(planned);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public long count(Kind kind) {
        return submissions.stream().filter(s -> s.kind() == kind).count();
    }
}
