package dev.pygrade.similarity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
 * fingerprinting", SIGMOD 2003), as MOSS uses it: hash every k-gram of tokens, slide a window of
 * w hashes, and keep the smallest hash of each window (the rightmost, on ties), once per
 * position. Any run of at least w + k - 1 tokens that two answers share gives them a common
 * fingerprint; runs shorter than k are ignored as noise.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** The fingerprints of a token sequence: the selected k-gram hashes. */
    public static Set<Long> of(List<String> tokens, int k, int window) {
        if (k < 1 || window < 1) {
            throw new IllegalArgumentException("k and the window must be positive");
        }
        Set<Long> selected = new HashSet<>();
        if (tokens.size() < k) {
            return selected;
        }
        long[] hashes = new long[tokens.size() - k + 1];
        for (int i = 0; i < hashes.length; i++) {
            long hash = 1125899906842597L;
            for (int j = i; j < i + k; j++) {
                hash = 31 * hash + tokens.get(j).hashCode();
            }
            hashes[i] = mix(hash);
        }
        if (hashes.length <= window) {
            selected.add(minimum(hashes, 0, hashes.length));
            return selected;
        }
        int lastPicked = -1;
        for (int start = 0; start + window <= hashes.length; start++) {
            int picked = start;
            for (int i = start; i < start + window; i++) {
                if (hashes[i] <= hashes[picked]) {
                    picked = i; // rightmost minimum
                }
            }
            if (picked != lastPicked) {
                selected.add(hashes[picked]);
                lastPicked = picked;
            }
        }
        return selected;
    }

    private static long minimum(long[] hashes, int from, int to) {
        long min = hashes[from];
        for (int i = from + 1; i < to; i++) {
            min = Math.min(min, hashes[i]);
        }
        return min;
    }

    /** Spreads the bits of a polynomial hash (SplitMix64's finalizer), so that minima are unbiased. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
