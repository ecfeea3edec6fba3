package dev.pygrade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sharding is pure: no grading here. */
class ShardTest {
    private static List<PairKey> pairs() {
        List<PairKey> pairs = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            for (String exercise : List.of("q09-lru-cache", "q16-abstract-shape", "q29-json")) {
                pairs.add(new PairKey("candidate-" + c, exercise));
            }
        }
        return pairs;
    }

    @Test
    void shardsOfOneCountAreDisjointAndCoverEveryPair() {
        List<PairKey> pairs = pairs();
        for (int count : new int[] {1, 2, 3, 7}) {
            Set<PairKey> seen = new HashSet<>();
            int total = 0;
            for (int k = 1; k <= count; k++) {
                Shard shard = new Shard(k, count);
                List<PairKey> mine = pairs.stream().filter(shard::contains).toList();
                total += mine.size();
                seen.addAll(mine);
                if (count > 1) {
                    assertTrue(mine.size() < pairs.size(), "shard " + shard + " took everything");
                }
            }
            assertEquals(pairs.size(), total, "pairs graded more than once with " + count + " shards");
            assertEquals(new HashSet<>(pairs), seen, "pairs lost with " + count + " shards");
        }
    }

    @Test
    void theShardOfAPairIsStable() {
        PairKey key = new PairKey("alice", "q09-lru-cache");
        int bucket = Shard.bucket(key, 5);
        for (int i = 0; i < 3; i++) {
            assertEquals(bucket, Shard.bucket(new PairKey("alice", "q09-lru-cache"), 5));
        }
    }

    @Test
    void parsesKOverN() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("2"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }

    @Test
    void theShardComesFromTheOptionThenTheEngineEnvironment() {
        assertEquals(Shard.ALL, ShardResolver.resolve(null, null, Map.of()).shard());
        assertEquals(new Shard(3, 4), ShardResolver.resolve("3/4", null, Map.of("JOB_COMPLETION_INDEX", "0")).shard());
        assertEquals(new Shard(2, 5), ShardResolver.resolve(null, null, Map.of("PYGRADE_SHARD", "2/5")).shard());
        // Kubernetes Indexed Job: 0-based index, count from the option or PYGRADE_SHARD_COUNT
        assertEquals(new Shard(1, 4), ShardResolver.resolve(null, 4, Map.of("JOB_COMPLETION_INDEX", "0")).shard());
        assertEquals(new Shard(4, 4), ShardResolver.resolve(null, null,
                Map.of("JOB_COMPLETION_INDEX", "3", "PYGRADE_SHARD_COUNT", "4")).shard());
        assertThrows(IllegalArgumentException.class,
                () -> ShardResolver.resolve(null, null, Map.of("JOB_COMPLETION_INDEX", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> ShardResolver.resolve(null, 4, Map.of("JOB_COMPLETION_INDEX", "4")));
        // Slurm job array: --array=0-3 and --array=1-4 both give shards 1..4
        assertEquals(new Shard(1, 4), ShardResolver.resolve(null, null,
                Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "4")).shard());
        assertEquals(new Shard(4, 4), ShardResolver.resolve(null, null,
                Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "1")).shard());
        assertThrows(IllegalArgumentException.class,
                () -> ShardResolver.resolve(null, null, Map.of("SLURM_ARRAY_TASK_ID", "1")));
    }
}
