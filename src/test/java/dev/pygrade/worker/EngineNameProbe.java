package dev.pygrade.worker;

import org.graalvm.polyglot.Engine;

/** Started in a JVM of its own by WorkerRuntimeTest: prints which Truffle runtime that JVM got. */
public final class EngineNameProbe {
    private EngineNameProbe() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            // "Interpreted" without a compiler; the GraalVM's name ("GraalVM CE") when Graal compiles
            System.out.println(engine.getImplementationName());
        }
    }
}
