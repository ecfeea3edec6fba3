package dev.pygrade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainDiffTest {
    private static PlainValue list(int... items) {
        List<PlainValue> values = new ArrayList<>();
        for (int item : items) {
            values.add(new PlainValue.Int(BigInteger.valueOf(item)));
        }
        return new PlainValue.Sequence(false, values);
    }

    private static PlainValue.Str str(String text) {
        return new PlainValue.Str(text);
    }

    @Test
    void shortValuesNeedNoDiff() {
        assertEquals("", PlainDiff.of(list(1, 2, 3), list(1, 2, 4)));
    }

    @Test
    void longListsNameTheirFirstDifference() {
        int[] want = new int[40];
        int[] got = new int[40];
        for (int i = 0; i < 40; i++) {
            want[i] = i;
            got[i] = i == 17 ? -1 : i;
        }
        assertEquals("first difference at index 17: expected 17, got -1", PlainDiff.of(list(got), list(want)));
        assertEquals("1 item(s) missing, from index 39: 39 (length 39, expected 40)",
                PlainDiff.of(list(java.util.Arrays.copyOf(want, 39)), list(want)));
    }

    @Test
    void dictsNameMissingExtraAndDifferentKeys() {
        Map<PlainValue, PlainValue> want = new LinkedHashMap<>();
        Map<PlainValue, PlainValue> got = new LinkedHashMap<>();
        for (String word : List.of("alpha", "beta", "gamma", "delta", "epsilon")) {
            want.put(str(word), new PlainValue.Int(BigInteger.ONE));
            if (!word.equals("beta")) {
                got.put(str(word), new PlainValue.Int(word.equals("gamma") ? BigInteger.TWO : BigInteger.ONE));
            }
        }
        got.put(str("zeta"), new PlainValue.Int(BigInteger.ONE));
        assertEquals("missing keys 'beta'; unexpected keys 'zeta'; different values at 'gamma': expected 1, got 2",
                PlainDiff.of(new PlainValue.Dict(got), new PlainValue.Dict(want)));
    }

    @Test
    void longStringsShowWhereTheyPart() {
        String want = "the quick brown fox jumps over the lazy dog and keeps running far away";
        String got = want.replace("lazy", "busy");
        assertEquals("first difference at character 35: expected ' fox jumps over the lazy dog and keeps r', "
                + "got ' fox jumps over the busy dog and keeps r'", PlainDiff.of(str(got), str(want)));
        assertEquals("first difference at character 69 (the text stops; expected more: 'y')",
                PlainDiff.of(str(want.substring(0, 69)), str(want)));
    }

    @Test
    void classesAreShownByName() {
        assertEquals("ValueError", PythonRepr.of(new PlainValue.Type("ValueError", 7)));
        assertEquals("Clock(15, 37)", PythonRepr.of(new PlainValue.Opaque("Clock", 1, "Clock(15, 37)")));
        assertEquals("<Clock object>", PythonRepr.of(new PlainValue.Opaque("Clock", 2, null)));
    }
}
