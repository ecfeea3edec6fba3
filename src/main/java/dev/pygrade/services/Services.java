package dev.pygrade.services;

import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.grading.Grader;
import dev.pygrade.sandbox.ContextPool;
import dev.pygrade.sandbox.FreshContextPool;
import dev.pygrade.sandbox.HeapWatchdog;
import dev.pygrade.sandbox.Isolation;
import dev.pygrade.sandbox.WarmContextPool;
import dev.pygrade.sandbox.SandboxEngine;
import dev.pygrade.sandbox.SourceMutator;
import java.nio.file.Path;
import java.util.Map;

/**
 * What commands, worker JVMs and tests share: the exercises' home, the environment, and the
 * GraalPy engine with its context pools and graders, built on first use (commands that only
 * read exercises never start GraalPy).
 */
public final class Services implements AutoCloseable {
    private final Path home;
    private final Map<String, String> environment;
    private HeapWatchdog watchdog;
    private SandboxEngine engine;
    private final java.util.Map<Isolation, ContextPool> pools = new java.util.EnumMap<>(Isolation.class);
    private final java.util.Map<Isolation, Grader> graders = new java.util.EnumMap<>(Isolation.class);
    /** Warm contexts kept ready per kind; 0 for a command that grades once. */
    private int spareContexts = 1;

    public Services(Path home) {
        this(home, System.getenv());
    }

    /** environment: what commands read instead of System.getenv() (tests pass their own). */
    public Services(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = Map.copyOf(environment);
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** A person at a terminal (not CI, not a pipe): live progress is worth drawing. */
    public boolean interactive() {
        return terminal() && !environment.containsKey("CI");
    }

    /** Since JDK 22 System.console() may exist on a pipe too; Console.isTerminal() then tells. */
    private static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    /** The folder holding exercises/ (the repository root, or PYGRADE_HOME). */
    public Path home() {
        return home;
    }

    public ExerciseRepository exercises(Path override) {
        return new ExerciseRepository(override != null ? override : home.resolve("exercises"));
    }

    /** The grader of this JVM's default isolation (the pygrade.isolation property, else pooled). */
    public Grader grader() {
        return grader(Isolation.fromSystem());
    }

    /** One grader per isolation, sharing one engine. */
    public synchronized Grader grader(Isolation isolation) {
        Grader grader = graders.get(isolation);
        if (grader == null) {
            if (watchdog == null) {
                watchdog = new HeapWatchdog(Long.MAX_VALUE);
            }
            ContextPool pool = isolation == Isolation.FRESH ? new FreshContextPool(engine(), watchdog)
                    : new WarmContextPool(engine(), watchdog, MAX_GRADINGS_PER_CONTEXT, spareContexts);
            pools.put(isolation, pool);
            grader = new Grader(pool);
            graders.put(isolation, grader);
        }
        return grader;
    }

    /** A pooled context retires after this many gradings, however clean it stays. */
    public static final int MAX_GRADINGS_PER_CONTEXT = 500;

    /** Set before the first grading: a command that grades once keeps no spare context warming. */
    public synchronized void spareContexts(int count) {
        this.spareContexts = count;
        if (pools.get(Isolation.POOLED) instanceof WarmContextPool warm) {
            warm.spares(count);
        }
    }

    /** The one shared GraalPy engine (the grader's contexts and the mutator's come from it). */
    private synchronized SandboxEngine engine() {
        if (engine == null) {
            engine = new SandboxEngine();
        }
        return engine;
    }

    /** Makes mutants of reference solutions, in a GraalPy context that may only compute. */
    public SourceMutator mutator() {
        return new SourceMutator(engine());
    }

    /** The context pool's counters; all zero before the first grading. */
    public dev.pygrade.sandbox.PoolStats poolStats() {
        return poolStats(Isolation.fromSystem());
    }

    /** The counters of the pool behind one isolation; all zero before its first grading. */
    public synchronized dev.pygrade.sandbox.PoolStats poolStats(Isolation isolation) {
        ContextPool pool = pools.get(isolation);
        return pool == null ? dev.pygrade.sandbox.PoolStats.NONE : pool.stats();
    }

    /**
     * Builds and warms one context of the default isolation for gradings under this policy,
     * on the calling thread, so that the first grading of its kind does not start GraalPy. A
     * fresh context per grading keeps nothing warm, so then this only starts the grader.
     */
    public void prewarm(dev.pygrade.sandbox.SandboxPolicy policy) {
        grader();
        if (pool(Isolation.fromSystem()) instanceof WarmContextPool warm) {
            warm.prewarm(policy);
        }
    }

    /** The pool behind an isolation; null before its first grading. */
    private synchronized ContextPool pool(Isolation isolation) {
        return pools.get(isolation);
    }

    /** Waits until the pool behind an isolation has verified (or closed) every context released so far. */
    public void settle(Isolation isolation) {
        if (pool(isolation) instanceof WarmContextPool warm) {
            warm.settle();
        }
    }

    @Override
    public synchronized void close() {
        // The engine is left to the JVM's end: closing it waits for every context's threads,
        // and a thread abandoned by a cancelled grading may never stop.
        if (watchdog != null) {
            watchdog.close();
        }
    }

    /** PYGRADE_HOME, else the system property pygrade.home, else the working directory. */
    public static Path defaultHome() {
        String env = System.getenv("PYGRADE_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String property = System.getProperty("pygrade.home");
        return Path.of(property != null ? property : ".").toAbsolutePath().normalize();
    }
}
