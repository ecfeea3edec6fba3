package dev.pygrade.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * A function of the grader's Python side that is called after candidate code ran. It reads
 * only its default arguments; before each call its code and defaults are compared by
 * identity with what they were when it was made, so candidate code cannot have swapped
 * them. (GraalPy answers a new tuple for each read of __defaults__: the items are compared.)
 */
final class TrustedFunction {
    private final Value function;
    private final Value code;
    private final List<Value> defaults;

    TrustedFunction(Value function) {
        this.function = function;
        this.code = function.getMember("__code__");
        this.defaults = items(function.getMember("__defaults__"));
    }

    /** False when the function's code or defaults were replaced since it was made. */
    boolean intact() {
        if (!function.getMember("__code__").equals(code)) {
            return false;
        }
        List<Value> now = items(function.getMember("__defaults__"));
        if (now.size() != defaults.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).equals(defaults.get(i))) {
                return false;
            }
        }
        return true;
    }

    Value call(Object... arguments) {
        return function.execute(arguments);
    }

    private static List<Value> items(Value tuple) {
        List<Value> items = new ArrayList<>();
        if (tuple != null && tuple.hasArrayElements()) {
            for (long i = 0; i < tuple.getArraySize(); i++) {
                items.add(tuple.getArrayElement(i));
            }
        }
        return items;
    }
}
