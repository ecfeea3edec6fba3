package dev.pygrade.sandbox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The two equalities checks use on plain values. */
final class PlainEquality {
    private PlainEquality() {
    }

    /** Same types all the way down (True is not 1, 2.0 is not 2, a tuple is not a list). */
    static boolean strict(PlainValue a, PlainValue b) {
        if (a instanceof PlainValue.Opaque || b instanceof PlainValue.Opaque) {
            return false;
        }
        if (a instanceof PlainValue.Float fa && b instanceof PlainValue.Float fb) {
            return fa.value() == fb.value();
        }
        return a.equals(b) && !containsOpaque(a);
    }

    /** Python's == on plain data: 1 == 1.0 == True, {1: 'a'} == {1.0: 'a'}. */
    static boolean python(PlainValue a, PlainValue b) {
        if (containsOpaque(a) || containsOpaque(b)) {
            return false;
        }
        return normalize(a).equals(normalize(b));
    }

    private static boolean containsOpaque(PlainValue value) {
        return switch (value) {
            case PlainValue.Opaque o -> true;
            case PlainValue.Sequence s -> s.items().stream().anyMatch(PlainEquality::containsOpaque);
            case PlainValue.PySet s -> s.items().stream().anyMatch(PlainEquality::containsOpaque);
            case PlainValue.Dict d -> d.entries().entrySet().stream()
                    .anyMatch(e -> containsOpaque(e.getKey()) || containsOpaque(e.getValue()));
            default -> false;
        };
    }

    /** Numbers become one canonical form so that Python-equal numbers are equal records. */
    private static PlainValue normalize(PlainValue value) {
        return switch (value) {
            case PlainValue.Bool b -> new PlainValue.Int(b.value() ? BigInteger.ONE : BigInteger.ZERO);
            case PlainValue.Float f -> integral(f.value());
            case PlainValue.Complex c -> c.imag() == 0 ? integral(c.real()) : c;
            case PlainValue.Sequence s -> new PlainValue.Sequence(s.tuple(),
                    s.items().stream().map(PlainEquality::normalize).toList());
            case PlainValue.PySet s -> {
                Set<PlainValue> items = new LinkedHashSet<>();
                s.items().forEach(item -> items.add(normalize(item)));
                // set and frozenset compare equal in Python
                yield new PlainValue.PySet(false, items);
            }
            case PlainValue.Dict d -> {
                Map<PlainValue, PlainValue> entries = new LinkedHashMap<>();
                d.entries().forEach((k, v) -> entries.put(normalize(k), normalize(v)));
                yield new PlainValue.Dict(entries);
            }
            default -> value;
        };
    }

    private static PlainValue integral(double value) {
        if (!Double.isInfinite(value) && !Double.isNaN(value) && value == Math.rint(value)) {
            return new PlainValue.Int(new BigDecimal(value).toBigInteger());
        }
        return new PlainValue.Float(value);
    }

    static boolean isNumber(PlainValue value) {
        return value instanceof PlainValue.Int || value instanceof PlainValue.Float;
    }

    static double toDouble(PlainValue value) {
        return switch (value) {
            case PlainValue.Int i -> i.value().doubleValue();
            case PlainValue.Float f -> f.value();
            default -> throw new IllegalArgumentException("not a number: " + value.typeName());
        };
    }

    static List<PlainValue> pairOf(PlainValue value) {
        if (value instanceof PlainValue.Sequence s && s.items().size() == 2) {
            return s.items();
        }
        throw new IllegalArgumentException("expected a (value, tolerance) pair");
    }
}
