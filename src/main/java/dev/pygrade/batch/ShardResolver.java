package dev.pygrade.batch;

import java.util.Map;

/**
 * Which shard this process grades: {@code --shard K/N} when given; else the environment of the
 * engine running it, in this order:
 * <ul>
 * <li>{@code PYGRADE_SHARD=K/N} (a CI matrix can set it);</li>
 * <li>Kubernetes Indexed Job: {@code JOB_COMPLETION_INDEX} (0-based) with the count from
 *     {@code --shard-count} or {@code PYGRADE_SHARD_COUNT} (Kubernetes does not export it);</li>
 * <li>Slurm job array: {@code SLURM_ARRAY_TASK_ID} with {@code SLURM_ARRAY_TASK_COUNT}, counted
 *     from {@code SLURM_ARRAY_TASK_MIN} (so {@code --array=0-3} and {@code --array=1-4} both work).</li>
 * </ul>
 * Nothing set: the whole batch. The environment is injected so tests need not touch the real one.
 */
public final class ShardResolver {
    public static final String SHARD = "PYGRADE_SHARD";
    public static final String SHARD_COUNT = "PYGRADE_SHARD_COUNT";
    public static final String K8S_INDEX = "JOB_COMPLETION_INDEX";
    public static final String SLURM_ID = "SLURM_ARRAY_TASK_ID";
    public static final String SLURM_COUNT = "SLURM_ARRAY_TASK_COUNT";
    public static final String SLURM_MIN = "SLURM_ARRAY_TASK_MIN";

    private ShardResolver() {
    }

    /** The shard, with where it came from; IllegalArgumentException explains a bad setting. */
    public static Resolved resolve(String option, Integer countOption, Map<String, String> env) {
        if (option != null) {
            return new Resolved(Shard.parse(option), "--shard");
        }
        String fromEnv = env.get(SHARD);
        if (present(fromEnv)) {
            return new Resolved(Shard.parse(fromEnv), SHARD);
        }
        String k8s = env.get(K8S_INDEX);
        if (present(k8s)) {
            Integer count = countOption != null ? countOption
                    : present(env.get(SHARD_COUNT)) ? number(env.get(SHARD_COUNT), SHARD_COUNT) : null;
            if (count == null) {
                throw new IllegalArgumentException(K8S_INDEX + " is set but the number of shards is not: pass "
                        + "--shard-count N or set " + SHARD_COUNT + " to the Job's completions");
            }
            return new Resolved(shard(number(k8s, K8S_INDEX) + 1, count, K8S_INDEX), K8S_INDEX);
        }
        String slurm = env.get(SLURM_ID);
        if (present(slurm)) {
            String countText = env.get(SLURM_COUNT);
            if (!present(countText) && countOption == null) {
                throw new IllegalArgumentException(SLURM_ID + " is set but " + SLURM_COUNT + " is not; pass --shard K/N");
            }
            int count = countOption != null ? countOption : number(countText, SLURM_COUNT);
            int min = present(env.get(SLURM_MIN)) ? number(env.get(SLURM_MIN), SLURM_MIN) : 0;
            return new Resolved(shard(number(slurm, SLURM_ID) - min + 1, count, SLURM_ID), SLURM_ID);
        }
        return new Resolved(Shard.ALL, "none");
    }

    private static Shard shard(int index, int count, String source) {
        try {
            return new Shard(index, count);
        } catch (IllegalArgumentException outOfRange) {
            throw new IllegalArgumentException("from " + source + ": " + outOfRange.getMessage());
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    /** A shard and the setting it came from ("--shard", "JOB_COMPLETION_INDEX", ...). */
    public record Resolved(Shard shard, String source) {
    }
}
