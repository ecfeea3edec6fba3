package dev.pygrade.worker;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Truffle runtime a worker JVM runs GraalPy on, and the JVM flags that select it.
 *
 * <p>On a stock JDK GraalPy interprets. With JVMCI and the Graal compiler (which the build copies
 * to {@code target/jit/}, with the list of jars that must then sit on the module path) it compiles
 * hot Python code. Compiling costs CPU first and pays only later: on 2 cores, only on a long run
 * of one exercise, and a replaced worker loses what it compiled (docs/bench.md has the figures).
 * So the interpreter is the default everywhere, and {@code PYGRADE_RUNTIME=optimizing} asks for
 * the compiler.
 *
 * @param why what a user reads about the choice (in serve's, loadtest's and batch's first lines)
 */
public record WorkerRuntime(Kind kind, List<String> jvmFlags, String why) {
    /** The environment variable that chooses: auto (the default: the interpreter), interpreter or optimizing. */
    public static final String ENVIRONMENT = "PYGRADE_RUNTIME";
    public static final WorkerRuntime INTERPRETED = new WorkerRuntime(Kind.INTERPRETER, List.of(), "interpreter");

    public enum Kind { INTERPRETER, OPTIMIZING }

    public WorkerRuntime {
        jvmFlags = List.copyOf(jvmFlags);
    }

    /**
     * requested: the value of {@link #ENVIRONMENT}, or null. home: the installation, whose
     * target/jit/ holds the compiler.
     *
     * @throws IllegalArgumentException for a value other than auto, interpreter or optimizing, or
     *         for optimizing where this installation cannot provide it (the message says why)
     */
    public static WorkerRuntime choose(String requested, Path home) {
        String mode = requested == null || requested.isBlank() ? "auto" : requested.strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "auto":
                return new WorkerRuntime(Kind.INTERPRETER, List.of(), "interpreter");
            case "interpreter":
                return new WorkerRuntime(Kind.INTERPRETER, List.of(), "interpreter (" + ENVIRONMENT + "=interpreter)");
            case "optimizing": {
                String missing = missing(home);
                if (missing != null) {
                    throw new IllegalArgumentException(ENVIRONMENT + "=optimizing, but " + missing);
                }
                return optimizing(home, "optimizing runtime (" + ENVIRONMENT + "=optimizing)");
            }
            default:
                throw new IllegalArgumentException(ENVIRONMENT + " must be auto, interpreter or optimizing, not '"
                        + requested + "'");
        }
    }

    /** Why this installation cannot run the optimizing runtime, or null when it can. */
    static String missing(Path home) {
        if (ModuleFinder.ofSystem().find("jdk.internal.vm.ci").isEmpty()) {
            return "this JDK (" + System.getProperty("java.home") + ") has no JVMCI module";
        }
        if (compiler(home) == null || !Files.isRegularFile(modulePathList(home))) {
            return "the build left no Graal compiler in " + home.resolve("target/jit") + " (run mvn package)";
        }
        return null;
    }

    private static WorkerRuntime optimizing(Path home, String why) {
        Path jit = home.resolve("target/jit");
        String modulePath;
        try {
            // written by Maven as lib/x.jar:lib/y.jar, relative to target/
            modulePath = Arrays.stream(Files.readString(modulePathList(home)).strip().split(":"))
                    .filter(entry -> !entry.isBlank())
                    .map(entry -> jit.getParent().resolve(entry).toString())
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("cannot read " + modulePathList(home) + ": " + unreadable.getMessage());
        }
        return new WorkerRuntime(Kind.OPTIMIZING, List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + compiler(home), "--module-path=" + modulePath,
                "--add-modules=org.graalvm.polyglot", "--enable-native-access=org.graalvm.truffle"), why);
    }

    private static Path modulePathList(Path home) {
        return home.resolve("target/jit/module-path.txt");
    }

    private static Path compiler(Path home) {
        Path jit = home.resolve("target/jit");
        if (!Files.isDirectory(jit)) {
            return null;
        }
        try (Stream<Path> files = Files.list(jit)) {
            return files.filter(file -> file.getFileName().toString().matches("compiler-.*\\.jar")).findFirst()
                    .orElse(null);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
