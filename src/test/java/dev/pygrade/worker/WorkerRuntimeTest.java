package dev.pygrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pygrade.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerRuntimeTest {
    @TempDir
    Path emptyHome;

    @Test
    void byDefaultWorkersInterpret() {
        for (String unset : new String[] {null, "", "auto", " AUTO "}) {
            WorkerRuntime runtime = WorkerRuntime.choose(unset, TestSandbox.home());
            assertEquals(WorkerRuntime.Kind.INTERPRETER, runtime.kind(), "PYGRADE_RUNTIME=" + unset);
            assertEquals(List.of(), runtime.jvmFlags());
        }
    }

    @Test
    void anExplicitRequestIsObeyedOrRefusedWithTheReason() {
        assertEquals(WorkerRuntime.Kind.INTERPRETER, WorkerRuntime.choose("interpreter", TestSandbox.home()).kind());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> WorkerRuntime.choose("optimizing", emptyHome));
        assertTrue(missing.getMessage().startsWith("PYGRADE_RUNTIME=optimizing, but "), missing.getMessage());
        assertTrue(missing.getMessage().contains("target/jit") || missing.getMessage().contains("JVMCI"),
                missing.getMessage());
        IllegalArgumentException bogus = assertThrows(IllegalArgumentException.class,
                () -> WorkerRuntime.choose("fast", TestSandbox.home()));
        assertEquals("PYGRADE_RUNTIME must be auto, interpreter or optimizing, not 'fast'", bogus.getMessage());
    }

    /** The flags really give the JVM the Graal compiler: its engine is no longer the interpreter. */
    @Test
    void theOptimizingFlagsStartAJvmThatCompiles() throws Exception {
        assumeTrue(WorkerRuntime.missing(TestSandbox.home()) == null,
                "needs a JDK with JVMCI and a packaged build (target/jit/): " + WorkerRuntime.missing(TestSandbox.home()));
        WorkerRuntime optimizing = WorkerRuntime.choose("optimizing", TestSandbox.home());
        assertEquals(WorkerRuntime.Kind.OPTIMIZING, optimizing.kind());
        assertEquals("Interpreted", engineName(WorkerRuntime.INTERPRETED));
        String compiled = engineName(optimizing);
        assertNotEquals("Interpreted", compiled);
        assertTrue(compiled.contains("GraalVM"), compiled);
    }

    private static String engineName(WorkerRuntime runtime) throws Exception {
        List<String> argv = new ArrayList<>(new WorkerCommand(256L * 1024 * 1024, TestSandbox.home(),
                dev.pygrade.sandbox.Isolation.POOLED, runtime).argv());
        argv.set(argv.size() - 1, EngineNameProbe.class.getName()); // the probe instead of WorkerMain
        Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not end");
        assertEquals(0, process.exitValue(), "the probe JVM failed: " + argv);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
