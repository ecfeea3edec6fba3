package dev.pygrade.sandbox;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** Writes plain values the way Python's repr() would, cut short when long. */
public final class PythonRepr {
    private static final int DEFAULT_LIMIT = 300;

    private PythonRepr() {
    }

    public static String of(PlainValue value) {
        return of(value, DEFAULT_LIMIT);
    }

    public static String of(PlainValue value, int limit) {
        StringBuilder out = new StringBuilder();
        write(value, out, limit);
        if (out.length() > limit) {
            out.setLength(limit);
            out.append("...");
        }
        return out.toString();
    }

    private static void write(PlainValue value, StringBuilder out, int limit) {
        if (out.length() > limit) {
            return;
        }
        switch (value) {
            case PlainValue.None n -> out.append("None");
            case PlainValue.Bool b -> out.append(b.value() ? "True" : "False");
            case PlainValue.Int i -> out.append(i.value());
            case PlainValue.Float f -> out.append(floatRepr(f.value()));
            case PlainValue.Complex c -> out.append('(').append(floatRepr(c.real()))
                    .append(c.imag() < 0 ? "-" : "+").append(floatRepr(Math.abs(c.imag()))).append("j)");
            case PlainValue.Str s -> out.append(stringRepr(s.value()));
            case PlainValue.Bytes b -> bytesRepr(b, out);
            case PlainValue.Sequence s -> {
                out.append(s.tuple() ? '(' : '[');
                joinItems(s.items().iterator(), out, limit);
                if (s.tuple() && s.items().size() == 1) {
                    out.append(',');
                }
                out.append(s.tuple() ? ')' : ']');
            }
            case PlainValue.PySet s -> {
                if (s.items().isEmpty()) {
                    out.append(s.frozen() ? "frozenset()" : "set()");
                    return;
                }
                out.append(s.frozen() ? "frozenset({" : "{");
                joinItems(s.items().iterator(), out, limit);
                out.append(s.frozen() ? "})" : "}");
            }
            case PlainValue.Dict d -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<PlainValue, PlainValue> entry : d.entries().entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    write(entry.getKey(), out, limit);
                    out.append(": ");
                    write(entry.getValue(), out, limit);
                    if (out.length() > limit) {
                        return;
                    }
                }
                out.append('}');
            }
            case PlainValue.Type t -> out.append(t.name());
            case PlainValue.Opaque o -> {
                if (o.repr() != null) {
                    out.append(o.repr());
                } else {
                    out.append('<').append(o.typeName()).append(" object>");
                }
            }
        }
    }

    private static void joinItems(Iterator<PlainValue> items, StringBuilder out, int limit) {
        boolean first = true;
        while (items.hasNext() && out.length() <= limit) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            write(items.next(), out, limit);
        }
    }

    static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e16 || magnitude < 1e-4)) {
            String text = Double.toString(value).replace("E", "e");
            int e = text.indexOf('e');
            String mantissa = text.substring(0, e).replaceAll("\\.0$", "");
            String exponent = text.substring(e + 1);
            return mantissa + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent).replaceAll("([+-])(\\d)$", "$10$2");
        }
        String plain = new BigDecimal(Double.toString(value)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    static String stringRepr(String value) {
        char quote = value.contains("'") && !value.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp == quote) {
                        out.append('\\').append((char) cp);
                    } else if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append(quote).toString();
    }

    private static void bytesRepr(PlainValue.Bytes bytes, StringBuilder out) {
        out.append("b'");
        for (int b : bytes.value()) {
            switch (b) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (b < 0x20 || b >= 0x7f) {
                        out.append(String.format("\\x%02x", b));
                    } else {
                        out.append((char) b);
                    }
                }
            }
        }
        out.append('\'');
    }
}
