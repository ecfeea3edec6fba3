package dev.pygrade.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.FileSystem;
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

    /**
     * A context for one grading. With the files capability it gets a fresh, empty in-memory
     * file system (closed with {@code storage}); the host's files stay unreachable either way.
     */
    Context newContext(SandboxPolicy policy, OutputStream output, java.nio.file.FileSystem storage) {
        IOAccess io = storage == null ? IOAccess.NONE : IOAccess.newBuilder()
                .fileSystem(FileSystem.newFileSystem(storage))
                .build();
        Context.Builder builder = Context.newBuilder("python")
                .engine(engine)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowCreateThread(policy.threads())
                .allowIO(io)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .out(output)
                .err(output)
                .in(InputStream.nullInputStream());
        if (storage != null) {
            builder.currentWorkingDirectory(storage.getPath("/work"));
        }
        return builder.build();
    }

    /** An empty in-memory Unix file system whose working directory /work exists. */
    static java.nio.file.FileSystem newStorage() {
        java.nio.file.FileSystem storage = com.google.common.jimfs.Jimfs.newFileSystem(
                com.google.common.jimfs.Configuration.unix().toBuilder().setWorkingDirectory("/work").build());
        try {
            java.nio.file.Files.createDirectories(storage.getPath("/work"));
            java.nio.file.Files.createDirectories(storage.getPath("/tmp"));
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return storage;
    }

    @Override
    public void close() {
        engine.close(true);
    }
}
