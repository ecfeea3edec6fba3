package dev.pygrade.batch;

import java.util.Comparator;

/** One (candidate, exercise) pair: the unit a batch grades once, shards and resumes by. */
public record PairKey(String candidate, String exercise) implements Comparable<PairKey> {
    private static final Comparator<PairKey> ORDER =
            Comparator.comparing(PairKey::candidate).thenComparing(PairKey::exercise);

    @Override
    public int compareTo(PairKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return candidate + "/" + exercise;
    }
}
