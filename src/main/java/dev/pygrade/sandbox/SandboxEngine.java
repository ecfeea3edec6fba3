package dev.pygrade.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one shared GraalPy engine, and the only place contexts are built. Every context
 * denies by default: no host file system, sockets, processes, host classes, polyglot
 * or native access, environment variables; threads only where the policy allows.
 */
public final class SandboxEngine implements AutoCloseable {
    private final Engine engine;

    public SandboxEngine() {
        engine = Engine.newBuilder("python")
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
    }

    Context newContext(SandboxPolicy policy, OutputStream output) {
        return Context.newBuilder("python")
                .engine(engine)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowCreateThread(policy.threads())
                .allowIO(IOAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .out(output)
                .err(output)
                .in(InputStream.nullInputStream())
                .build();
    }

    @Override
    public void close() {
        engine.close(true);
    }
}
