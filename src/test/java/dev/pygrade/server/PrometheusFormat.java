package dev.pygrade.server;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format (0.0.4) for tests: it fails on any line that
 * is not a HELP, a TYPE or a sample, on a sample whose family was not typed before it, on a
 * family typed twice, and on histogram buckets that are not cumulative or disagree with _count.
 */
final class PrometheusFormat {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:\\\\.|[^\"\\\\])*\""
            + "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:\\\\.|[^\"\\\\])*\")*)?\\})? (\\S+)");

    private PrometheusFormat() {
    }

    /** Every sample, keyed by its name and labels as written ("a_total{status=\"passed\"}"). */
    static Map<String, Double> parse(String text) {
        if (!text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a newline");
        }
        Map<String, String> types = new HashMap<>();
        Set<String> helped = new HashSet<>();
        Map<String, Double> samples = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (help.matches()) {
                if (!helped.add(help.group(1))) {
                    throw new AssertionError("line " + number + ": second HELP for " + help.group(1));
                }
            } else if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new AssertionError("line " + number + ": second TYPE for " + type.group(1));
                }
            } else if (sample.matches()) {
                String family = familyOf(sample.group(1), types);
                if (family == null) {
                    throw new AssertionError("line " + number + ": sample of an untyped family: " + line);
                }
                double value = value(sample.group(3), number);
                String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
                if (samples.put(key, value) != null) {
                    throw new AssertionError("line " + number + ": duplicate sample " + key);
                }
            } else if (!line.isEmpty()) {
                throw new AssertionError("line " + number + ": not Prometheus text format: " + line);
            }
        }
        checkHistograms(types, samples);
        return samples;
    }

    private static String familyOf(String sampleName, Map<String, String> types) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (sampleName.endsWith(suffix)) {
                String family = sampleName.substring(0, sampleName.length() - suffix.length());
                if ("histogram".equals(types.get(family))) {
                    return family;
                }
            }
        }
        return null;
    }

    private static double value(String text, int number) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException bad) {
                    throw new AssertionError("line " + number + ": not a number: " + text);
                }
            }
        };
    }

    private static void checkHistograms(Map<String, String> types, Map<String, Double> samples) {
        types.forEach((family, type) -> {
            if (!type.equals("histogram")) {
                return;
            }
            double previous = 0;
            for (var sample : samples.entrySet()) {
                if (sample.getKey().startsWith(family + "_bucket{")) {
                    if (sample.getValue() < previous) {
                        throw new AssertionError(family + ": buckets are not cumulative at " + sample.getKey());
                    }
                    previous = sample.getValue();
                }
            }
            Double infinity = samples.get(family + "_bucket{le=\"+Inf\"}");
            if (infinity == null || !infinity.equals(samples.get(family + "_count"))) {
                throw new AssertionError(family + ": the +Inf bucket must equal _count");
            }
        });
    }
}
