package dev.pygrade.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A short account of where two plain values differ, for a failed expectation whose values are
 * too long to compare by eye: the first differing item of a list or tuple, the keys missing,
 * extra or different in a dict, the first differing character of a long string.
 */
final class PlainDiff {
    /** Values whose repr is shorter than this are compared by eye; no diff is added. */
    private static final int SHORT = 60;
    private static final int SHOWN_KEYS = 3;

    private PlainDiff() {
    }

    /** The diff, or "" when the values are short or differ in kind. */
    static String of(PlainValue actual, PlainValue expected) {
        if (PythonRepr.of(actual).length() < SHORT && PythonRepr.of(expected).length() < SHORT) {
            return "";
        }
        return switch (expected) {
            case PlainValue.Sequence want when actual instanceof PlainValue.Sequence got
                    && got.tuple() == want.tuple() -> sequences(got.items(), want.items());
            case PlainValue.Dict want when actual instanceof PlainValue.Dict got -> dicts(got.entries(), want.entries());
            case PlainValue.Str want when actual instanceof PlainValue.Str got -> strings(got.value(), want.value());
            default -> "";
        };
    }

    private static String sequences(List<PlainValue> got, List<PlainValue> want) {
        int common = Math.min(got.size(), want.size());
        for (int i = 0; i < common; i++) {
            if (!PlainEquality.strict(got.get(i), want.get(i))) {
                return "first difference at index " + i + ": expected " + PythonRepr.of(want.get(i), 80) + ", got "
                        + PythonRepr.of(got.get(i), 80) + lengths(got.size(), want.size());
            }
        }
        if (got.size() > want.size()) {
            return got.size() - want.size() + " item(s) too many, from index " + common + ": "
                    + PythonRepr.of(got.get(common), 80) + lengths(got.size(), want.size());
        }
        return want.size() - got.size() + " item(s) missing, from index " + common + ": "
                + PythonRepr.of(want.get(common), 80) + lengths(got.size(), want.size());
    }

    private static String lengths(int got, int want) {
        return got == want ? "" : " (length " + got + ", expected " + want + ")";
    }

    private static String dicts(Map<PlainValue, PlainValue> got, Map<PlainValue, PlainValue> want) {
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> different = new ArrayList<>();
        want.forEach((key, value) -> {
            PlainValue mine = got.get(key);
            if (mine == null) {
                missing.add(PythonRepr.of(key, 40));
            } else if (!PlainEquality.strict(mine, value)) {
                different.add(PythonRepr.of(key, 40) + ": expected " + PythonRepr.of(value, 60) + ", got "
                        + PythonRepr.of(mine, 60));
            }
        });
        got.keySet().stream().filter(key -> !want.containsKey(key)).forEach(key -> extra.add(PythonRepr.of(key, 40)));
        if (!missing.isEmpty()) {
            parts.add("missing keys " + shown(missing));
        }
        if (!extra.isEmpty()) {
            parts.add("unexpected keys " + shown(extra));
        }
        if (!different.isEmpty()) {
            parts.add("different values at " + shown(different));
        }
        return String.join("; ", parts);
    }

    private static String shown(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(SHOWN_KEYS, items.size())));
        return items.size() > SHOWN_KEYS ? shown + " and " + (items.size() - SHOWN_KEYS) + " more" : shown;
    }

    private static String strings(String got, String want) {
        int common = Math.min(got.length(), want.length());
        int at = 0;
        while (at < common && got.charAt(at) == want.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 20);
        String line = "first difference at character " + at;
        if (at < common) {
            line += ": expected " + PythonRepr.of(new PlainValue.Str(want.substring(from, Math.min(want.length(), at + 20))))
                    + ", got " + PythonRepr.of(new PlainValue.Str(got.substring(from, Math.min(got.length(), at + 20))));
        } else {
            line += got.length() > want.length() ? " (the text goes on: "
                    + PythonRepr.of(new PlainValue.Str(got.substring(at, Math.min(got.length(), at + 30)))) + ")"
                    : " (the text stops; expected more: "
                    + PythonRepr.of(new PlainValue.Str(want.substring(at, Math.min(want.length(), at + 30)))) + ")";
        }
        return line;
    }
}
