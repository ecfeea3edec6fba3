package dev.pygrade.sandbox;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The host side of unittest checks ({@code _pygrade_unittest.py}): the runner reports what each
 * test does as it happens, {@code report(event, ...)}, and the record it is judged by lives here,
 * where candidate code cannot reach it. Any event candidate code could send itself can only cost
 * it marks: a failure always counts, a pass needs the grader's integrity intact at that moment,
 * and a skip counts only for a test that nothing failed.
 *
 * <p>Events: {@code start(expecting)} (the first of each check only: the runner sends it before
 * any test code runs), {@code fail(message)}, {@code error(message)} (it raised, not by an assertion), {@code subtest(message)}, {@code expected(message)}
 * (the test method raised in a test marked @expectedFailure), {@code skip(reason)},
 * {@code done()}; and the fixtures' bookkeeping, kept for the session: {@code fixture?(key)},
 * {@code fixture!(key)} (setUpModule or setUpClass ran and succeeded), {@code previous?()},
 * {@code previous!(class)} (the class whose setUpClass ran last, for its tearDownClass).
 */
final class TestLog implements ProxyExecutable {
    private final ObservationLog log;
    private final Supplier<String> integrity;
    private final Set<String> fixtures = new HashSet<>();
    private Value previousClass;
    private boolean started;
    private boolean expecting;
    private boolean expectedSeen;

    TestLog(ObservationLog log, Supplier<String> integrity) {
        this.log = log;
        this.integrity = integrity;
    }

    /** A new check begins. */
    synchronized void reset() {
        started = false;
        expecting = false;
        expectedSeen = false;
    }

    @Override
    public synchronized Object execute(Value... arguments) {
        if (arguments.length == 0 || !arguments[0].isString()) {
            log.fail("the unittest runner sent a malformed event");
            return null;
        }
        String event = arguments[0].asString();
        switch (event) {
            case "start" -> {
                if (!started) {
                    started = true;
                    expecting = arguments.length > 1 && arguments[1].isBoolean() && arguments[1].asBoolean();
                }
            }
            case "fail" -> log.fail(text(arguments));
            case "error" -> log.error(text(arguments));
            case "subtest", "expected" -> {
                if (expecting) {
                    expectedSeen = true;
                } else {
                    log.fail(text(arguments));
                }
            }
            case "skip" -> log.skip(text(arguments));
            case "done" -> done();
            case "fixture?" -> {
                return fixtures.contains(text(arguments));
            }
            case "fixture!" -> fixtures.add(text(arguments));
            case "previous?" -> {
                return previousClass;
            }
            case "previous!" -> previousClass = arguments.length > 1 ? arguments[1] : null;
            default -> log.fail("the unittest runner sent an unknown event " + event);
        }
        return null;
    }

    private void done() {
        if (expecting && !expectedSeen) {
            log.fail("unexpected success: the test is marked @expectedFailure, but it passed");
            return;
        }
        String tampering = integrity.get();
        if (tampering != null) {
            log.tampered(tampering);
            log.fail("the grader was tampered with (" + tampering + ")");
            return;
        }
        log.pass();
    }

    private static String text(Value[] arguments) {
        if (arguments.length < 2 || arguments[1].isNull()) {
            return "";
        }
        return arguments[1].isString() ? arguments[1].asString() : "(no message)";
    }
}
