package dev.pygrade.sandbox;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Python value copied out of the sandbox as plain data. Candidate code cannot
 * redefine how these compare: equality is Java's, on copies made with exact type
 * checks against the builtin types captured before any candidate code ran.
 */
public sealed interface PlainValue {

    /** The Python type name, as a candidate would see it in a message. */
    String typeName();

    record None() implements PlainValue {
        public String typeName() { return "NoneType"; }
    }

    record Bool(boolean value) implements PlainValue {
        public String typeName() { return "bool"; }
    }

    record Int(BigInteger value) implements PlainValue {
        public String typeName() { return "int"; }
    }

    record Float(double value) implements PlainValue {
        public String typeName() { return "float"; }
    }

    record Complex(double real, double imag) implements PlainValue {
        public String typeName() { return "complex"; }
    }

    record Str(String value) implements PlainValue {
        public String typeName() { return "str"; }
    }

    record Bytes(List<Integer> value) implements PlainValue {
        public Bytes { value = List.copyOf(value); }
        public String typeName() { return "bytes"; }
    }

    /** list or tuple, told apart by {@code tuple}. */
    record Sequence(boolean tuple, List<PlainValue> items) implements PlainValue {
        public Sequence { items = List.copyOf(items); }
        public String typeName() { return tuple ? "tuple" : "list"; }
    }

    /** dict; Java map equality ignores order, as Python's does. */
    record Dict(Map<PlainValue, PlainValue> entries) implements PlainValue {
        public String typeName() { return "dict"; }
    }

    /** set or frozenset. */
    record PySet(boolean frozen, Set<PlainValue> items) implements PlainValue {
        public String typeName() { return frozen ? "frozenset" : "set"; }
    }

    /** A class: equal only to itself (identity is its {@code id()} in the context). */
    record Type(String name, long identity) implements PlainValue {
        public String typeName() { return "type"; }
    }

    /**
     * Anything else (a candidate's object, a subclass of a builtin): never equal to
     * plain data, and never equal to another opaque value either. {@code repr} is its repr()
     * as computed in the sandbox for a message, or null.
     */
    record Opaque(String typeName, long serial, String repr) implements PlainValue {
    }
}
