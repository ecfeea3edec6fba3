package dev.pygrade.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Shard {@code index} of {@code count} (1-based): the pairs whose stable hash modulo
 * {@code count} is {@code index - 1}. The hash is SHA-256 of "candidate/exercise", so every
 * machine, JVM and run agrees; the shards of one count are disjoint and together cover
 * every pair.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /** "2/4" -> shard 2 of 4. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is written K/N (e.g. 2/4), not '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException notNumbers) {
            throw new IllegalArgumentException("a shard is written K/N with whole numbers (e.g. 2/4), not '"
                    + text + "'");
        }
    }

    public boolean contains(PairKey key) {
        return count == 1 || bucket(key, count) == index - 1;
    }

    /** The 0-based shard of {@code key} among {@code count}. */
    static int bucket(PairKey key, int count) {
        byte[] digest = sha256(key.candidate() + "/" + key.exercise());
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = (hash << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(hash, count);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
