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
     * @param warmImports import the standard library the exercises use before the baseline
     *                    (done in the background; a context built for a waiting grading
     *                    skips it, and its grading imports what it needs)
     */
    static void prepare(SandboxContext sandbox, boolean warmImports) {
        Context context = sandbox.context();
        Value loader = context.eval(Source.create("python", PythonSources.BOOTSTRAP));
        context.eval("python", "del _pygrade_load");
        Value harness = loader.execute("_pygrade_harness", PythonSources.HARNESS, "<pygrade harness>");
        SandboxPolicy policy = sandbox.policy();
        Value pool = null;
        if (sandbox.reusable()) {
            // imported before hardening, so that the guards also replace what these modules hold
            pool = loader.execute("_pygrade_pool", PythonSources.POOL, "<pygrade pool>");
            if (warmImports) {
                pool.getMember("warm").execute();
            }
        }
        GuardRelay relay = new GuardRelay();
        relay.adopt(harness.getMember("prepare").execute(relay, policy.tracing(), policy.threads(), policy.files(),
                policy.asyncio() ? PythonSources.ASYNCIO : null));
        TrustedFunction verifyClean = null;
        TrustedFunction forget = null;
        if (pool != null) {
            Value functions = pool.getMember("baseline").execute();
            forget = new TrustedFunction(functions.getArrayElement(0));
            verifyClean = new TrustedFunction(functions.getArrayElement(1));
        }
        sandbox.prepared(harness, relay, forget, verifyClean);
        sandbox.output().take();
    }
}
