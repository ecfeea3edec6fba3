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
 * denies by default: no host file system (but for reading the compiled standard library in
 * the {@link BytecodeCache}), sockets, processes, host classes, polyglot or native access,
 * environment variables; threads only where the policy allows.
 */
public final class SandboxEngine implements AutoCloseable {
    private final Engine engine;
    /** Compiled standard-library bytecode every context reads; null without an installation. */
    private final BytecodeCache bytecode;

    public SandboxEngine() {
        engine = Engine.newBuilder("python")
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
        bytecode = readyBytecode(BytecodeCache.forInstallation());
    }

    /**
     * The cache once written, or null if it cannot be (a read-only installation): contexts then
     * compile the standard library from source, which is slower but grades the same.
     */
    private BytecodeCache readyBytecode(BytecodeCache cache) {
        if (cache == null) {
            return null;
        }
        try {
            cache.ensure(engine);
            return cache;
        } catch (RuntimeException unwritable) {
            return null;
        }
    }

    /**
     * A context for one grading. With the files capability it gets a fresh, empty in-memory
     * file system (closed with the grading); of the host's files, only the bytecode cache can be
     * read, and nothing can be written.
     */
    Context newContext(SandboxPolicy policy, OutputStream output, MemoryFileSystem files) {
        IOAccess io;
        if (bytecode != null) {
            FileSystem others = files == null ? FileSystem.newDenyIOFileSystem() : files;
            io = IOAccess.newBuilder().fileSystem(FileSystem.allowInternalResourceAccess(
                    new BytecodeFileSystem(bytecode.directory(), others))).build();
        } else {
            io = files == null ? IOAccess.NONE : IOAccess.newBuilder().fileSystem(files.forContext()).build();
        }
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
        if (files != null) {
            builder.currentWorkingDirectory(MemoryFileSystem.WORKING_DIRECTORY);
        }
        if (bytecode != null) {
            builder.option("python.PyCachePrefix", bytecode.directory().toString())
                    .option("python.DontWriteBytecodeFlag", "true");
        }
        return builder.build();
    }

    @Override
    public void close() {
        engine.close(true);
    }
}
