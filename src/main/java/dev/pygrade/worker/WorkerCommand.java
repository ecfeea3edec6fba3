package dev.pygrade.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line that starts a worker JVM: the same java and class path as this JVM, the
 * flags GraalPy needs and those of the chosen runtime, and a heap of its own whose exhaustion
 * ends only that worker.
 */
record WorkerCommand(long heapBytes, Path home, dev.pygrade.sandbox.Isolation isolation, WorkerRuntime runtime) {
    static final int OUT_OF_MEMORY_EXIT = 3;

    List<String> argv() {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> argv = new ArrayList<>(List.of(java,
                "--enable-native-access=ALL-UNNAMED",
                "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-Xss16m",
                "-XX:+UseParallelGC",
                // GraalPy's gc.collect() collects the heap twice; FullCollection says why once is enough
                "-XX:+DisableExplicitGC",
                "-Xmx" + (heapBytes / (1024 * 1024)) + "m",
                // a small young generation leaves the old one, where a grading's data and a
                // hoard end up, most of the heap (the parallel collector's default is a third)
                "-Xmn" + Math.max(32, heapBytes / (8 * 1024 * 1024)) + "m",
                // a heap exhausted despite the watchdog ends the worker with a known code
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData",
                "-Dpygrade.home=" + home,
                "-Dpygrade.isolation=" + isolation.name().toLowerCase(Locale.ROOT)));
        if (Runtime.version().feature() >= 23) {
            argv.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (runtime.kind() == WorkerRuntime.Kind.INTERPRETER) {
            argv.addAll(StartupCache.flags()); // trained without the compiler's modules
        }
        argv.addAll(runtime.jvmFlags());
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
        return argv;
    }
}
