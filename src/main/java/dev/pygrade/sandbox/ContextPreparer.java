package dev.pygrade.sandbox;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Turns a new context into one that can grade: loads the harness (as a module candidate
 * code cannot import) and hardens the interpreter for the context's capabilities. For a
 * pooled context it then imports the standard library the exercises use and records the
 * baseline that each later grading is verified against.
 */
final class ContextPreparer {
    private ContextPreparer() {
    }

    /**
     * @param warm import the standard library the exercises use and record the baseline, so
     *             that the context can be reused (done in the background). A context built
     *             for a grading that is waiting skips both: it serves that grading only.
     */
    static void prepare(SandboxContext sandbox, boolean warm) {
        prepare(sandbox, warm, () -> { });
    }

    /** As above; {@code between} runs between two warm imports (the pool waits there while gradings run). */
    static void prepare(SandboxContext sandbox, boolean warm, Runnable between) {
        Context context = sandbox.context();
        Value loader = context.eval(Source.create("python", PythonSources.BOOTSTRAP));
        context.eval("python", "del _pygrade_load");
        Value harness = loader.execute("_pygrade_harness", PythonSources.HARNESS, "<pygrade harness>");
        SandboxPolicy policy = sandbox.policy();
        Value pool = null;
        if (warm && sandbox.reusable()) {
            // imported before hardening, so that the guards also replace what these modules hold
            pool = importWarmSet(loader, policy, between);
        }
        GuardRelay relay = new GuardRelay();
        ThreadRelay threads = new ThreadRelay();
        var originals = GuardRelay.originals(harness.getMember("prepare").execute(relay, threads, policy.tracing(),
                policy.threads(), policy.files(), policy.asyncio() ? PythonSources.ASYNCIO : null,
                policy.tracing() ? PythonSources.CPROFILE : null));
        relay.adopt(originals);
        threads.adopt(originals);
        TrustedFunction verifyClean = null;
        TrustedFunction forget = null;
        if (pool != null) {
            Value functions = pool.getMember("baseline").execute();
            forget = new TrustedFunction(functions.getArrayElement(0));
            verifyClean = new TrustedFunction(functions.getArrayElement(1));
        }
        sandbox.prepared(harness, relay, threads, forget, verifyClean);
        sandbox.output().take();
    }

    /**
     * Loads the pool's module and imports the standard library a context of this kind is likely
     * to need, one module at a time, running {@code between} before each; answers the module.
     */
    static Value importWarmSet(Value loader, SandboxPolicy policy, Runnable between) {
        return importWarmSet(loader, policy.threads(), policy.asyncio(), policy.tracing(),
                String.join(",", policy.warm()), between);
    }

    /** As above; warm: the modules named, or null for every module an exercise usually needs. */
    static Value importWarmSet(Value loader, boolean threads, boolean asyncio, boolean tracing, String warm,
            Runnable between) {
        Value pool = loader.execute("_pygrade_pool", PythonSources.POOL, "<pygrade pool>");
        Value names = pool.getMember("warm_names").execute(threads, asyncio, tracing, warm);
        Value warmOne = pool.getMember("warm_one");
        for (long i = 0; i < names.getArraySize(); i++) {
            between.run();
            warmOne.execute(names.getArrayElement(i));
        }
        return pool;
    }
}
