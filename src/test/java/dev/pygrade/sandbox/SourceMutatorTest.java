package dev.pygrade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The mutator (inside GraalPy): every kind of change, the same list each run, the cap, what it leaves alone. */
class SourceMutatorTest {
    private static final String SOURCE = """
            \"\"\"A module docstring is never mutated.\"\"\"
            LIMIT = 10


            def clamp(values, low, high):
                \"\"\"Nor is a function's docstring.\"\"\"
                out = []
                for value in values:
                    if value < low or not value:
                        continue
                    out.append(min(value, high) + 0)
                return out


            if __name__ == "__main__":
                print(clamp([1, 2], 0, LIMIT))
            """;

    private final SourceMutator mutator = TestSandbox.services().mutator();

    @Test
    void makesEveryKindOfMutantOnce() {
        List<SourceMutant> mutants = mutator.mutants(SOURCE, "clamp.py", 100);
        Set<String> kinds = mutants.stream().map(SourceMutant::kind).collect(Collectors.toSet());
        assertEquals(Set.of("arithmetic", "comparison", "boolean", "constant", "statement", "return"), kinds);
        assertTrue(mutants.stream().anyMatch(m -> m.line() == 9 && m.change().equals(
                "`value < low` -> `value <= low`")), mutants.toString());
        assertTrue(mutants.stream().anyMatch(m -> m.change().equals("`return out` -> `return None`")));
        assertTrue(mutants.stream().anyMatch(m -> m.change().equals("`continue` -> `pass`")));
        assertEquals(mutants.size(), mutants.stream().map(SourceMutant::source).distinct().count(), "no duplicates");
        for (SourceMutant mutant : mutants) {
            assertTrue(mutant.line() >= 2 && mutant.line() <= 12, "docstrings and the main guard are left alone: "
                    + mutant);
            assertFalse(mutant.source().isBlank());
        }
    }

    @Test
    void theSameListEveryRunAndCapped() {
        List<SourceMutant> all = mutator.mutants(SOURCE, "clamp.py", 100);
        assertEquals(all, mutator.mutants(SOURCE, "clamp.py", 100));
        List<SourceMutant> four = mutator.mutants(SOURCE, "clamp.py", 4);
        assertEquals(4, four.size());
        assertEquals(four, mutator.mutants(SOURCE, "clamp.py", 4));
        assertTrue(four.get(3).line() > four.get(0).line(), "a capped list samples the whole file: " + four);
    }

    @Test
    void aSourceThatDoesNotParseIsRefusedWithItsName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> mutator.mutants("def broken(:\n", "broken.py", 10));
        assertTrue(refused.getMessage().startsWith("broken.py: cannot make mutants"), refused.getMessage());
    }
}
