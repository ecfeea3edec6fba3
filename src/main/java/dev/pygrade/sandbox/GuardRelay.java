package dev.pygrade.sandbox;

import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The host side of the APIs whose effect a context cannot prove undone (codec and
 * audit-hook registries, signal handlers, atexit): the harness replaces them by
 * functions that call {@code relay(name, call)}. The relay marks its context tainted (never
 * to be reused) and answers {@code call(original)}. The originals live only here, so
 * candidate code cannot reach them to skip the mark.
 */
final class GuardRelay implements ProxyExecutable {
    private final Map<String, Value> originals = new HashMap<>();
    private volatile String taint;

    /** Keeps the originals of the unverifiable APIs; thread starts are for the {@link ThreadRelay}. */
    void adopt(Map<String, Value> originalsByName) {
        originalsByName.forEach((name, original) -> {
            if (!ThreadRelay.relays(name)) {
                originals.put(name, original);
            }
        });
    }

    /** The {name: original} dict the harness answers, as a map. */
    static Map<String, Value> originals(Value originalsByName) {
        Map<String, Value> originals = new HashMap<>();
        if (originalsByName.hasHashEntries()) {
            Value keys = originalsByName.getHashKeysIterator();
            while (keys.hasIteratorNextElement()) {
                Value key = keys.getIteratorNextElement();
                originals.put(key.asString(), originalsByName.getHashValue(key));
            }
        }
        return originals;
    }

    /** What the context did that cannot be verified, or null. */
    String taint() {
        return taint;
    }

    @Override
    public Object execute(Value... arguments) {
        String name = arguments[0].asString();
        if (taint == null) {
            taint = "it called " + name;
        }
        Value original = originals.get(name);
        if (original == null) {
            throw new IllegalStateException("no original for " + name);
        }
        return arguments[1].execute(original);
    }
}
