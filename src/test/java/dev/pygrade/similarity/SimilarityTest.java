package dev.pygrade.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Near-copies score high whatever their names, literals and layout; unrelated answers score low. */
class SimilarityTest {
    static final String ORIGINAL = """
            from collections import OrderedDict

            class LRUCache:
                def __init__(self, capacity):
                    self.capacity = capacity
                    self.items = OrderedDict()

                def get(self, key):
                    if key not in self.items:
                        return -1
                    self.items.move_to_end(key)
                    return self.items[key]

                def put(self, key, value):
                    if key in self.items:
                        self.items.move_to_end(key)
                    self.items[key] = value
                    if len(self.items) > self.capacity:
                        self.items.popitem(last=False)
            """;

    /** The same code with every name changed, other literals, comments, and another layout. */
    static final String RENAMED = """
            # my own solution!!
            from collections import OrderedDict
            class Cache:
                '''A cache.'''
                def __init__(me, size):
                    me.size = size ; me.store = OrderedDict()
                def get(me, k):
                    if k not in me.store: return -99   # missing
                    me.store.move_to_end(k)
                    return me.store[k]
                def put(me, k, v):
                    if k in me.store:
                        me.store.move_to_end(k)
                    me.store[k] = (
                        v
                    )
                    if len(me.store) > me.size:
                        me.store.popitem(last=True)
            """;

    /** The same two methods in the other order, and a helper added. */
    static final String REORDERED = """
            from collections import OrderedDict

            class LRUCache:
                def __init__(self, capacity):
                    self.capacity = capacity
                    self.items = OrderedDict()

                def put(self, key, value):
                    if key in self.items:
                        self.items.move_to_end(key)
                    self.items[key] = value
                    if len(self.items) > self.capacity:
                        self.items.popitem(last=False)

                def get(self, key):
                    if key not in self.items:
                        return -1
                    self.items.move_to_end(key)
                    return self.items[key]

                def size(self):
                    return len(self.items)
            """;

    /** An LRU cache written another way: a dict and a list, not OrderedDict. */
    static final String INDEPENDENT = """
            class LRUCache:
                def __init__(self, capacity: int):
                    self.cap = capacity
                    self.data = {}
                    self.order = []

                def get(self, key: int) -> int:
                    try:
                        value = self.data[key]
                    except KeyError:
                        return -1
                    self.order.remove(key)
                    self.order.append(key)
                    return value

                def put(self, key: int, value: int) -> None:
                    if key in self.data:
                        self.order.remove(key)
                    elif len(self.data) >= self.cap:
                        oldest = self.order.pop(0)
                        del self.data[oldest]
                    self.data[key] = value
                    self.order.append(key)
            """;

    static final String UNRELATED = """
            import functools

            @functools.lru_cache(maxsize=None)
            def fibonacci(n):
                while n > 100:
                    raise ValueError("too big")
                return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)

            def main():
                for i in range(10):
                    print(i, fibonacci(i))
            """;

    @Test
    void namesLiteralsCommentsAndLayoutAreNormalisedAway() {
        assertEquals(PythonTokens.normalised(ORIGINAL).size(), PythonTokens.normalised(RENAMED).size() - 4,
                "RENAMED differs only by a docstring, a ';' and a pair of parentheses: "
                        + PythonTokens.normalised(RENAMED));
        assertEquals(List.of("def", "N", "(", "N", "=", "L", ")", ":", "return", "N", "**", "L", "+", "L"),
                PythonTokens.normalised("def f(x=0x1F):  # square\n    return x ** 2.5e-3 + rb'\\'q'\n"));
        assertEquals(List.of("N", "=", "L", "N", "=", "L"),
                PythonTokens.normalised("s = '''a\n'b'\n''' \\\nt = f\"{s!r}\"\n"));
        assertEquals(List.of("N", "=", "L", "N"), PythonTokens.normalised("x = 'unclosed\ny"),
                "an unclosed string ends with its line");
    }

    @Test
    void aRenamedReformattedCopyScoresHigh() {
        Similarity.Pair pair = only(Map.of("ada", ORIGINAL, "bob", RENAMED));
        assertTrue(pair.jaccard() >= 0.7, "renamed copy: " + pair);
        assertTrue(pair.containment() >= 0.8, "renamed copy: " + pair);
    }

    @Test
    void methodsInAnotherOrderStillScoreHigh() {
        Similarity.Pair pair = only(Map.of("ada", ORIGINAL, "cy", REORDERED));
        assertTrue(pair.jaccard() >= 0.6, "reordered copy: " + pair);
        assertTrue(pair.containment() >= 0.8, "reordered copy: " + pair);
    }

    @Test
    void independentAndUnrelatedAnswersScoreLow() {
        Similarity.Pair independent = only(Map.of("ada", ORIGINAL, "dan", INDEPENDENT));
        assertTrue(independent.jaccard() < 0.25, "the same task solved independently: " + independent);
        Similarity.Pair unrelated = only(Map.of("ada", ORIGINAL, "eve", UNRELATED));
        assertTrue(unrelated.jaccard() < 0.1, "unrelated: " + unrelated);
        assertTrue(unrelated.containment() < 0.15, "unrelated: " + unrelated);
    }

    @Test
    void theReportIsSortedMostAlikeFirstAndCodeEveryoneSharesIsIgnored() {
        List<Similarity.Pair> pairs = Similarity.pairs(Map.of("ada", ORIGINAL, "bob", RENAMED, "dan", INDEPENDENT,
                "eve", UNRELATED), 10);
        assertEquals(6, pairs.size());
        assertEquals(Set.of("ada", "bob"), Set.of(pairs.get(0).first(), pairs.get(0).second()));
        for (int i = 1; i < pairs.size(); i++) {
            assertTrue(pairs.get(i - 1).jaccard() >= pairs.get(i).jaccard());
        }
        // with a limit of 2, what three answers share (the ORIGINAL's code, copied twice) no longer counts
        List<Similarity.Pair> common = Similarity.pairs(Map.of("ada", ORIGINAL, "bob", RENAMED, "cy", REORDERED), 2);
        Similarity.Pair adaBob = common.stream().filter(p -> p.first().equals("ada") && p.second().equals("bob"))
                .findFirst().orElseThrow();
        assertTrue(adaBob.jaccard() < only(Map.of("ada", ORIGINAL, "bob", RENAMED)).jaccard(), adaBob.toString());
    }

    @Test
    void winnowingKeepsAFingerprintForEveryLongEnoughSharedRun() {
        List<String> tokens = PythonTokens.normalised(ORIGINAL);
        Set<Long> whole = Fingerprints.of(tokens, Similarity.K, Similarity.WINDOW);
        int threshold = Similarity.K + Similarity.WINDOW - 1;
        for (int start = 0; start + threshold <= tokens.size(); start++) {
            Set<Long> run = Fingerprints.of(tokens.subList(start, start + threshold), Similarity.K, Similarity.WINDOW);
            assertTrue(run.stream().anyMatch(whole::contains), "the run at token " + start + " shares no fingerprint");
        }
        assertTrue(Fingerprints.of(List.of("N", "="), Similarity.K, Similarity.WINDOW).isEmpty());
    }

    private static Similarity.Pair only(Map<String, String> answers) {
        List<Similarity.Pair> pairs = Similarity.pairs(answers, 10);
        assertEquals(1, pairs.size());
        return pairs.get(0);
    }
}
