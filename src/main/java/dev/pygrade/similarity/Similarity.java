package dev.pygrade.similarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs of answers that are suspiciously alike: each answer normalised ({@link PythonTokens}),
 * fingerprinted by winnowing ({@link Fingerprints}), and every pair scored by the Jaccard index
 * of their fingerprints (shared / all) and by containment (shared / the smaller answer's, which
 * catches one answer copied into a longer one). Fingerprints that more than {@code commonLimit}
 * answers share are dropped first, as MOSS drops passages common to many programs (code every
 * answer needs says nothing about copying). A report for a person to read, never a verdict.
 */
public final class Similarity {
    /** Token k-grams: runs shorter than this are noise. */
    public static final int K = 6;
    /** Winnowing window: runs of K + WINDOW - 1 = 9 tokens or more are always caught. */
    public static final int WINDOW = 4;

    private Similarity() {
    }

    /** Two authors' answers compared: shared fingerprints, each one's count, Jaccard and containment. */
    public record Pair(String first, String second, double jaccard, double containment, int shared,
                       int firstFingerprints, int secondFingerprints) {
    }

    /**
     * Every pair of authors, most alike first (by Jaccard, then containment). commonLimit: a
     * fingerprint found in more answers than this is ignored; at least 2.
     */
    public static List<Pair> pairs(Map<String, String> answersByAuthor, int commonLimit) {
        if (commonLimit < 2) {
            throw new IllegalArgumentException("a fingerprint shared by two answers must count");
        }
        List<String> authors = answersByAuthor.keySet().stream().sorted().toList();
        Map<String, Set<Long>> prints = new HashMap<>();
        Map<Long, Integer> frequency = new HashMap<>();
        for (String author : authors) {
            Set<Long> own = Fingerprints.of(PythonTokens.normalised(answersByAuthor.get(author)), K, WINDOW);
            prints.put(author, own);
            own.forEach(print -> frequency.merge(print, 1, Integer::sum));
        }
        prints.values().forEach(own -> own.removeIf(print -> frequency.get(print) > commonLimit));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            for (int j = i + 1; j < authors.size(); j++) {
                pairs.add(score(authors.get(i), prints.get(authors.get(i)), authors.get(j), prints.get(authors.get(j))));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::jaccard).reversed()
                .thenComparing(Comparator.comparingDouble(Pair::containment).reversed())
                .thenComparing(Pair::first).thenComparing(Pair::second));
        return pairs;
    }

    /**
     * The default limit for a cohort, as MOSS's: 10, or half the answers in a larger cohort. A ring
     * of a few candidates sharing code is never hidden by it; code most of a large cohort shares is.
     */
    public static int defaultCommonLimit(int answers) {
        return Math.max(10, (answers + 1) / 2);
    }

    static Pair score(String first, Set<Long> a, String second, Set<Long> b) {
        Set<Long> shared = new HashSet<>(a);
        shared.retainAll(b);
        int union = a.size() + b.size() - shared.size();
        double jaccard = union == 0 ? 0 : (double) shared.size() / union;
        int smaller = Math.min(a.size(), b.size());
        double containment = smaller == 0 ? 0 : (double) shared.size() / smaller;
        return new Pair(first, second, jaccard, containment, shared.size(), a.size(), b.size());
    }
}
