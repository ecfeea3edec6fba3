package dev.pygrade.sandbox;

import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The host function behind every expectation in the checks API:
 * {@code sink(kind, what, actual, expected)} answers None when the expectation holds
 * and the failure message when it does not. Values are compared here, as plain data,
 * and the grader's integrity is verified before anything counts as a pass.
 */
final class ObservationSink implements ProxyExecutable {
    private final PlainValues plain;
    private final ObservationLog log;
    private final Supplier<String> integrity;

    ObservationSink(PlainValues plain, ObservationLog log, Supplier<String> integrity) {
        this.plain = plain;
        this.log = log;
        this.integrity = integrity;
    }

    @Override
    public Object execute(Value... arguments) {
        String failure;
        try {
            failure = judge(arguments);
        } catch (RuntimeException malformed) {
            failure = "the check could not be evaluated: " + malformed.getMessage();
        }
        if (failure == null) {
            String tampering = integrity.get();
            if (tampering != null) {
                log.tampered(tampering);
                failure = "the grader was tampered with (" + tampering + ")";
            }
        }
        if (failure == null) {
            log.pass();
            return null;
        }
        log.fail(failure);
        return failure;
    }

    private String judge(Value... arguments) {
        if (arguments.length != 4) {
            throw new IllegalArgumentException("an observation has four parts");
        }
        PlainValue kindValue = plain.copy(arguments[0]);
        PlainValue whatValue = plain.copy(arguments[1]);
        if (!(kindValue instanceof PlainValue.Str kind) || !(whatValue instanceof PlainValue.Str whatText)) {
            throw new IllegalArgumentException("malformed observation");
        }
        String what = whatText.value();
        Value actual = arguments[2];
        Value expected = arguments[3];
        return switch (kind.value()) {
            case "equal" -> equal(what, plain.copy(actual), plain.copy(expected), true);
            case "equal_loose" -> equal(what, plain.copy(actual), plain.copy(expected), false);
            case "not_equal_loose" -> {
                PlainValue a = plain.copy(actual);
                PlainValue b = plain.copy(expected);
                yield PlainEquality.python(a, b) || a instanceof PlainValue.Opaque || b instanceof PlainValue.Opaque
                        ? what + ": expected a value different from " + PythonRepr.of(b) + ", got " + PythonRepr.of(a)
                        : null;
            }
            case "close" -> close(what, plain.copy(actual), plain.copy(expected));
            case "is" -> actual.equals(expected) ? null
                    : what + ": expected the very same object, got a different " + PlainValues.typeName(actual);
            case "instance" -> expected.isMetaObject() && expected.isMetaInstance(actual) ? null
                    : what + ": expected an instance of " + expected.getMetaSimpleName() + ", got "
                    + PlainValues.typeName(actual);
            case "raises" -> raises(what, actual, expected);
            case "fail" -> what;
            default -> throw new IllegalArgumentException("unknown observation kind " + kind.value());
        };
    }

    private static String equal(String what, PlainValue actual, PlainValue expected, boolean strict) {
        boolean same = strict ? PlainEquality.strict(actual, expected) : PlainEquality.python(actual, expected);
        if (same) {
            return null;
        }
        String got = PythonRepr.of(actual);
        String want = PythonRepr.of(expected);
        if (got.equals(want) || (strict && !actual.typeName().equals(expected.typeName()))) {
            got += " (" + actual.typeName() + ")";
            want += " (" + expected.typeName() + ")";
        }
        String diff = PlainDiff.of(actual, expected);
        return what + ": expected " + want + ", got " + got + (diff.isEmpty() ? "" : "\n" + diff);
    }

    private static String close(String what, PlainValue actual, PlainValue expected) {
        var pair = PlainEquality.pairOf(expected);
        if (!PlainEquality.isNumber(actual)) {
            return what + ": expected a number close to " + PythonRepr.of(pair.get(0)) + ", got "
                    + PythonRepr.of(actual) + " (" + actual.typeName() + ")";
        }
        double got = PlainEquality.toDouble(actual);
        double want = PlainEquality.toDouble(pair.get(0));
        double tolerance = PlainEquality.toDouble(pair.get(1));
        return Math.abs(got - want) <= tolerance ? null
                : what + ": expected " + PythonRepr.of(pair.get(0)) + " (within " + PythonRepr.of(pair.get(1))
                + "), got " + PythonRepr.of(actual);
    }

    private String raises(String what, Value raised, Value expectedType) {
        String expectedName = expectedType.isMetaObject() ? expectedType.getMetaSimpleName() : "an exception";
        if (raised.isNull()) {
            return what + ": expected " + expectedName + " to be raised, but nothing was raised";
        }
        if (expectedType.isMetaObject() && expectedType.isMetaInstance(raised)) {
            return null;
        }
        return what + ": expected " + expectedName + ", but got " + PlainValues.typeName(raised)
                + exceptionText(raised);
    }

    private String exceptionText(Value exception) {
        Value args = exception.getMember("args");
        if (args == null) {
            return "";
        }
        PlainValue copied = plain.copy(args);
        if (copied instanceof PlainValue.Sequence s && s.items().size() == 1
                && s.items().get(0) instanceof PlainValue.Str message) {
            return ": " + message.value();
        }
        return copied instanceof PlainValue.Sequence s && s.items().isEmpty() ? "" : ": " + PythonRepr.of(copied);
    }
}
