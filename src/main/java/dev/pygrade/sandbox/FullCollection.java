package dev.pygrade.sandbox;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * One full collection of this JVM's heap, through the diagnostic command GraalPy's own
 * {@code gc.collect()} uses. GraalPy follows that command with {@code System.gc()}, a second
 * full collection of the same heap; the launcher and worker JVMs run with
 * {@code -XX:+DisableExplicitGC}, which makes the second one free, so the host collects here.
 */
public final class FullCollection {
    private static final String[] SIGNATURE = {String[].class.getName()};

    private FullCollection() {
    }

    public static void run() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcRun", new Object[] {new String[0]},
                    SIGNATURE);
        } catch (JMException | RuntimeException unavailable) {
            System.gc(); // a JVM without the command: the explicit collection, if allowed
        }
    }
}
