package dev.pygrade.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "512m", "1g", "300" (megabytes): sizes as the JVM's -Xmx writes them. */
final class MemorySize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)");
    private static final long MIN = 16L * 1024 * 1024;

    private MemorySize() {
    }

    static long parse(String text, String option) {
        Matcher match = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!match.matches()) {
            throw new UserError(option + " must be a size such as 256m or 1g, not '" + text + "'");
        }
        long number;
        try {
            number = Long.parseLong(match.group(1));
        } catch (NumberFormatException tooLong) {
            throw new UserError(option + " is too large: " + text);
        }
        long bytes = switch (match.group(2)) {
            case "k" -> number * 1024;
            case "g" -> number * 1024 * 1024 * 1024;
            default -> number * 1024 * 1024;
        };
        if (bytes < MIN) {
            throw new UserError(option + " must be at least 16m");
        }
        return bytes;
    }
}
