package dev.pygrade.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Compiled bytecode (.pyc) of the standard-library modules the harness and the exercises
 * import. GraalPy's standard library ships as source only, and a sandboxed context may not
 * write bytecode, so without this every new context compiles each module it imports again
 * (graalpython issue #1083, which also found a leak on that path). The cache is written once
 * per installation and GraalPy version, by a trusted context that runs no candidate code; a
 * grading context then reads it through {@link BytecodeFileSystem}, which lets it read (never
 * write or list) that one directory.
 */
final class BytecodeCache {
    /** Written last: a cache without it was cut short and is built again. */
    private static final String COMPLETE = "complete";

    private final Path directory;

    /** directory: where the bytecode lives (created when missing). */
    BytecodeCache(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * target/pycache/ of the installation (pygrade.home); null when there is no home, or when
     * -Dpygrade.bytecode=off asks for source only. Bytecode of another GraalPy never applies:
     * each file's name carries the implementation's tag (graalpy250-312) and its path the
     * standard library's home, and the launcher empties the directory with each build.
     */
    static BytecodeCache forInstallation() {
        String home = System.getProperty("pygrade.home");
        return home == null || System.getProperty("pygrade.bytecode", "on").equals("off") ? null
                : new BytecodeCache(Path.of(home, "target", "pycache"));
    }

    Path directory() {
        return directory;
    }

    boolean complete() {
        return Files.isRegularFile(directory.resolve(COMPLETE));
    }

    /**
     * Writes the cache unless it is complete: a context with host IO imports the harness and
     * every module a warm context imports, writing their bytecode to a new directory that then
     * replaces the cache in one move (two JVMs may build at once; the first move wins).
     */
    void ensure(Engine engine) {
        if (complete()) {
            return;
        }
        Path building = null;
        try {
            Files.createDirectories(directory.getParent());
            building = Files.createTempDirectory(directory.getParent(), directory.getFileName() + ".building-");
            // host access as in every context of this engine: the engine's host language takes
            // the first context's, and refuses a context that asks for another
            try (Context context = Context.newBuilder("python").engine(engine)
                    .allowHostAccess(HostAccess.NONE)
                    .allowIO(IOAccess.ALL)
                    .option("python.PyCachePrefix", building.toString())
                    .option("python.DontWriteBytecodeFlag", "false")
                    .build()) {
                Value loader = context.eval(Source.create("python", PythonSources.BOOTSTRAP));
                loader.execute("_pygrade_harness", PythonSources.HARNESS, "<pygrade harness>");
                ContextPreparer.importWarmSet(loader, true, true, true, null, () -> { });
            }
            Files.writeString(building.resolve(COMPLETE), "");
            try {
                Files.move(building, directory, StandardCopyOption.ATOMIC_MOVE);
                building = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException other) {
                // another JVM finished first (or left a cut-short cache, which the next build replaces)
                if (!complete()) {
                    delete(directory);
                    Files.move(building, directory, StandardCopyOption.ATOMIC_MOVE);
                    building = null;
                }
            }
        } catch (IOException cannot) {
            throw new UncheckedIOException("cannot write the bytecode cache in " + directory.getParent(), cannot);
        } finally {
            if (building != null) {
                delete(building);
            }
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover directory costs only disk
        }
    }
}
