package dev.pygrade.sandbox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * Copies Python values out of one context as {@link PlainValue}s. Types are matched by
 * identity against the builtin type objects captured when the context was made, so a
 * subclass of list or a class that calls itself "int" stays opaque, and no candidate
 * method (__eq__, __iter__, __len__, __getitem__...) runs during the copy.
 */
final class PlainValues {
    /** A copy larger than this is not plain data any more; it becomes opaque. */
    private static final int MAX_NODES = 1_000_000;
    private static final int MAX_DEPTH = 200;
    private static final AtomicLong OPAQUE_SERIALS = new AtomicLong();
    /** How many opaque values of one copy get their repr() computed for messages. */
    private static final int MAX_REPRS = 8;

    private final Value noneType;
    private final Value boolType;
    private final Value intType;
    private final Value floatType;
    private final Value complexType;
    private final Value strType;
    private final Value bytesType;
    private final Value listType;
    private final Value tupleType;
    private final Value dictType;
    private final Value setType;
    private final Value frozensetType;
    private final Value typeType;
    private final Value idFunction;
    /** The harness's safe_repr (the value's own repr, cut short, or None), or null: opaque values stay unnamed. */
    private final Value reprFunction;

    PlainValues(Context context) {
        this(context, null);
    }

    PlainValues(Context context, Value reprFunction) {
        this.reprFunction = reprFunction;
        Value types = context.eval("python",
                "(type(None), bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset, type, id)");
        noneType = types.getArrayElement(0);
        boolType = types.getArrayElement(1);
        intType = types.getArrayElement(2);
        floatType = types.getArrayElement(3);
        complexType = types.getArrayElement(4);
        strType = types.getArrayElement(5);
        bytesType = types.getArrayElement(6);
        listType = types.getArrayElement(7);
        tupleType = types.getArrayElement(8);
        dictType = types.getArrayElement(9);
        setType = types.getArrayElement(10);
        frozensetType = types.getArrayElement(11);
        typeType = types.getArrayElement(12);
        idFunction = types.getArrayElement(13);
    }

    PlainValue copy(Value value) {
        return copy(value, new int[] {0, 0}, 0);
    }

    /** The exact type's simple name, without running candidate code. */
    static String typeName(Value value) {
        Value meta = value.getMetaObject();
        return meta == null ? "object" : meta.getMetaSimpleName();
    }

    private PlainValue copy(Value value, int[] nodes, int depth) {
        if (++nodes[0] > MAX_NODES || depth > MAX_DEPTH) {
            return opaque(value);
        }
        if (value.isNull()) {
            return new PlainValue.None();
        }
        Value type = value.getMetaObject();
        if (type == null) {
            return opaque(value);
        }
        if (!typeType.isMetaInstance(type)) {
            // Exact str, int, float and bool cross into Java as Truffle primitives with a host
            // meta-object; an instance of a Python subclass never does.
            return primitive(value);
        }
        if (type.equals(boolType)) {
            return new PlainValue.Bool(value.asBoolean());
        }
        if (type.equals(intType)) {
            return new PlainValue.Int(value.fitsInLong() ? BigInteger.valueOf(value.asLong()) : value.asBigInteger());
        }
        if (type.equals(floatType)) {
            return new PlainValue.Float(value.asDouble());
        }
        if (type.equals(strType)) {
            return new PlainValue.Str(value.asString());
        }
        if (type.equals(noneType)) {
            return new PlainValue.None();
        }
        if (type.equals(listType) || type.equals(tupleType)) {
            long size = value.getArraySize();
            if (size + nodes[0] > MAX_NODES) {
                return opaque(value);
            }
            List<PlainValue> items = new ArrayList<>((int) size);
            for (long i = 0; i < size; i++) {
                items.add(copy(value.getArrayElement(i), nodes, depth + 1));
            }
            return new PlainValue.Sequence(type.equals(tupleType), items);
        }
        if (type.equals(dictType)) {
            Map<PlainValue, PlainValue> entries = new LinkedHashMap<>();
            Value iterator = value.getHashEntriesIterator();
            while (iterator.hasIteratorNextElement()) {
                Value entry = iterator.getIteratorNextElement();
                entries.put(copy(entry.getArrayElement(0), nodes, depth + 1),
                        copy(entry.getArrayElement(1), nodes, depth + 1));
                if (nodes[0] > MAX_NODES) {
                    return opaque(value);
                }
            }
            return new PlainValue.Dict(entries);
        }
        if (type.equals(setType) || type.equals(frozensetType)) {
            Set<PlainValue> items = new LinkedHashSet<>();
            Value iterator = value.getIterator();
            while (iterator.hasIteratorNextElement()) {
                items.add(copy(iterator.getIteratorNextElement(), nodes, depth + 1));
                if (nodes[0] > MAX_NODES) {
                    return opaque(value);
                }
            }
            return new PlainValue.PySet(type.equals(frozensetType), items);
        }
        if (type.equals(bytesType)) {
            long size = value.getBufferSize();
            List<Integer> bytes = new ArrayList<>((int) Math.min(size, MAX_NODES));
            for (long i = 0; i < size && i < MAX_NODES; i++) {
                bytes.add(value.readBufferByte(i) & 0xff);
            }
            return new PlainValue.Bytes(bytes);
        }
        if (type.equals(complexType)) {
            return new PlainValue.Complex(value.getMember("real").asDouble(), value.getMember("imag").asDouble());
        }
        if (value.isMetaObject() && typeType.isMetaInstance(value)) {
            return new PlainValue.Type(value.getMetaSimpleName(), idFunction.execute(value).asLong());
        }
        return opaque(value, nodes);
    }

    /** An opaque value, named by its own repr() while this copy has computed fewer than MAX_REPRS. */
    private PlainValue opaque(Value value, int[] nodes) {
        String repr = null;
        if (reprFunction != null && nodes[1]++ < MAX_REPRS) {
            Value text = reprFunction.execute(value);
            repr = text.isString() ? text.asString() : null;
        }
        return new PlainValue.Opaque(typeName(value), OPAQUE_SERIALS.incrementAndGet(), repr);
    }

    private static PlainValue primitive(Value value) {
        if (value.isBoolean()) {
            return new PlainValue.Bool(value.asBoolean());
        }
        if (value.isString()) {
            return new PlainValue.Str(value.asString());
        }
        // A float with an integral value (0.0, 2.0) fits in a long too: ask the primitive's own
        // type first, or 2.0 would pass for 2 (found by mutation testing: x * 2 -> x / 2 survived).
        if (value.isNumber() && value.as(Object.class) instanceof Double exact) {
            return new PlainValue.Float(exact);
        }
        if (value.fitsInLong()) {
            return new PlainValue.Int(BigInteger.valueOf(value.asLong()));
        }
        if (value.fitsInBigInteger() && !value.fitsInDouble()) {
            return new PlainValue.Int(value.asBigInteger());
        }
        if (value.isNumber() && value.fitsInDouble()) {
            return new PlainValue.Float(value.asDouble());
        }
        return opaque(value);
    }

    private static PlainValue opaque(Value value) {
        return new PlainValue.Opaque(typeName(value), OPAQUE_SERIALS.incrementAndGet(), null);
    }
}
