package dev.pygrade.report;

import java.util.Locale;

/** Scores as people write them: "3", "2.5", "0.33". */
final class Scores {
    private Scores() {
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
