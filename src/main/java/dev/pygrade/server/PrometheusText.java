package dev.pygrade.server;

import java.util.Locale;

/** Writes metric families in the Prometheus text exposition format (version 0.0.4). */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    PrometheusText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    PrometheusText sample(String name, double value) {
        text.append(name).append(' ').append(number(value)).append('\n');
        return this;
    }

    PrometheusText sample(String name, String label, String labelValue, double value) {
        text.append(name).append('{').append(label).append("=\"").append(escape(labelValue)).append("\"} ")
                .append(number(value)).append('\n');
        return this;
    }

    PrometheusText histogram(String name, String help, LatencyHistogram histogram) {
        family(name, "histogram", help);
        long[] cumulative = histogram.cumulative();
        for (int i = 0; i < LatencyHistogram.BUCKETS.length; i++) {
            sample(name + "_bucket", "le", number(LatencyHistogram.BUCKETS[i]), cumulative[i]);
        }
        long count = histogram.count();
        sample(name + "_bucket", "le", "+Inf", count);
        sample(name + "_sum", histogram.sum());
        sample(name + "_count", count);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
