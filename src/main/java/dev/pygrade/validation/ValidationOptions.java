package dev.pygrade.validation;

/**
 * What `pygrade validate` proves beyond the metadata and the reference's full marks.
 *
 * @param fixtures         grade every fixture against its recorded result
 * @param determinism      grade the reference and each fixture twice and compare the verdicts
 * @param cpython          cross-check verdicts on CPython (when python3 is on the PATH)
 * @param mutation         mutation testing of the checks
 * @param mutants          at most this many mutants per exercise
 * @param minMutationScore fail under this share of mutants caught (0..1), or null for no minimum
 */
public record ValidationOptions(boolean fixtures, boolean determinism, boolean cpython, boolean mutation,
        int mutants, Double minMutationScore) {
    public static final int DEFAULT_MUTANTS = 30;
    public static final ValidationOptions DEFAULT = new ValidationOptions(true, true, true, false, DEFAULT_MUTANTS,
            null);

    public ValidationOptions {
        if (mutants < 1) {
            throw new IllegalArgumentException("the number of mutants must be at least 1");
        }
        if (minMutationScore != null && (minMutationScore < 0 || minMutationScore > 1)) {
            throw new IllegalArgumentException("the minimum mutation score is a share between 0 and 1");
        }
    }
}
