package dev.pygrade.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One grading's conversation with the harness inside a leased context. Every call
 * runs on the context's own thread under a deadline; no polyglot value leaves this
 * class. Integrity is verified after the import, after each check and at every
 * expectation.
 */
public final class HarnessSession implements AutoCloseable {
    /** Loading the grader's own code is not the candidate's time, but it is bounded. */
    private static final Duration SETUP_LIMIT = Duration.ofSeconds(120);
    /** How long a cancelled context gets to stop before its thread is abandoned. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(3);

    private final ContextPool pool;
    private final SandboxContext sandbox;
    private final ObservationLog log = new ObservationLog();
    private final TestLog tests = new TestLog(log, this::verifyIntegrity);
    private PlainValues plain;
    private Value harness;
    private Value importCandidate;
    private Value runCheck;
    private TrustedFunction verify;
    private List<CheckSpec> checks = List.of();
    private boolean abandoned;
    /** The threads of abandoned sessions: code that ignored cancellation may still run on them. */
    private static final Set<Thread> STRANDED = ConcurrentHashMap.newKeySet();
    private boolean closed;

    private HarnessSession(ContextPool pool, SandboxPolicy policy, boolean unused) {
        this.pool = pool;
        this.sandbox = unused ? pool.leaseUnused(policy) : pool.lease(policy);
    }

    /** Leases a context and loads the harness and the checks into it. */
    public static Step<HarnessSession> open(ContextPool pool, SandboxPolicy policy, GradingInput input) {
        return open(pool, policy, input, false);
    }

    /** As {@link #open(ContextPool, SandboxPolicy, GradingInput)}; unused: in a context that graded nothing before. */
    public static Step<HarnessSession> open(ContextPool pool, SandboxPolicy policy, GradingInput input,
            boolean unused) {
        HarnessSession session = new HarnessSession(pool, policy, unused);
        Step<List<CheckSpec>> loaded = session.guarded(() -> session.load(input), SETUP_LIMIT);
        return switch (loaded) {
            case Step.Done<List<CheckSpec>> done -> {
                session.checks = done.value();
                yield new Step.Done<>(session);
            }
            case Step.Stopped<List<CheckSpec>> stopped -> {
                session.close();
                yield new Step.Stopped<>(stopped.reason(), "while loading the checks: " + stopped.detail());
            }
        };
    }

    private List<CheckSpec> load(GradingInput input) {
        if (!sandbox.prepared()) {
            ContextPreparer.prepare(sandbox, sandbox.warmOnPrepare());
        }
        harness = sandbox.harness();
        plain = new PlainValues(sandbox.context(), harness.getMember("safe_repr"));
        ObservationSink sink = new ObservationSink(plain, log, this::verifyIntegrity);
        Value specs = harness.getMember("setup").execute(setupArguments(sink, tests, input));
        importCandidate = harness.getMember("import_candidate");
        runCheck = harness.getMember("run_check");
        verify = newVerifier();
        List<CheckSpec> result = new ArrayList<>();
        for (PlainValue spec : HarnessAnswers.items(plain.copy(specs))) {
            List<PlainValue> parts = HarnessAnswers.items(spec);
            result.add(new CheckSpec(HarnessAnswers.text(parts.get(0)), HarnessAnswers.text(parts.get(1)),
                    PlainEquality.toDouble(parts.get(2))));
        }
        sandbox.output().take();
        return List.copyOf(result);
    }

    private TrustedFunction newVerifier() {
        return new TrustedFunction(harness.getMember("make_verifier").execute());
    }

    /**
     * setup's arguments: the sink, the unittest log, the API, the unittest runner, the checks, the
     * module's name, then each file as path, display name, source.
     */
    private static Object[] setupArguments(ObservationSink sink, TestLog tests, GradingInput input) {
        List<Object> arguments = new ArrayList<>(List.of(sink, tests, PythonSources.API, PythonSources.UNITTEST,
                input.checksSource(), input.moduleName()));
        input.files().forEach((path, file) -> {
            arguments.add(path);
            arguments.add(file.displayName());
            arguments.add(file.source());
        });
        return arguments.toArray();
    }

    public List<CheckSpec> checks() {
        return checks;
    }

    /** Imports the submission, its import-time code limited to {@code limit}. */
    public Step<ImportOutcome> importCandidate(Duration limit) {
        return guarded(() -> {
            PlainValue answer = plain.copy(importCandidate.execute());
            String tampering = verifyIntegrity();
            if (tampering != null) {
                log.tampered(tampering);
            } else if (HarnessAnswers.testsLoaded(answer)) {
                // a unittest file ran with the answer: from now on its code is verified too
                verify = newVerifier();
            }
            return HarnessAnswers.importOutcome(answer);
        }, limit);
    }

    /** The candidate's output since the last call. */
    public String takeOutput() {
        return sandbox.output().take();
    }

    /** Runs check {@code index} (in the order of {@link #checks()}). */
    public Step<CheckRun> runCheck(int index, Duration limit) {
        return guarded(() -> {
            log.reset();
            tests.reset();
            String before = verifyIntegrity();
            if (before != null) {
                log.tampered(before);
            }
            PlainValue answer = plain.copy(runCheck.execute(index));
            String after = verifyIntegrity();
            if (after != null) {
                log.tampered(after);
            }
            return HarnessAnswers.checkRun(answer, log, sandbox.output().take());
        }, limit);
    }

    /** Tampering seen at any point of this session, or null. */
    public String tampering() {
        return log.tampering();
    }

    /** Whether an earlier grading ran in this session's context. */
    public boolean reusedContext() {
        return sandbox.gradings() > 1;
    }

    public boolean usable() {
        return !abandoned && sandbox.usable();
    }

    /** Null when the grader's objects are as they were before candidate code ran. */
    private String verifyIntegrity() {
        if (!verify.intact()) {
            return "the grader's verifier was rewritten";
        }
        Value answer = verify.call();
        if (answer.isNull()) {
            return null;
        }
        return plain.copy(answer) instanceof PlainValue.Str message ? message.value()
                : "the grader's verifier gave a forged answer";
    }

    private String verifyQuietly() {
        try {
            return sandbox.submit(this::verifyIntegrity).get(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception unverifiable) {
            return "the grader could not verify itself after a failure";
        }
    }

    private <T> Step<T> guarded(Callable<T> work, Duration limit) {
        if (!usable()) {
            return new Step.Stopped<>(StopReason.INTERNAL_ERROR, "the session's context is no longer usable");
        }
        Future<T> future = sandbox.submit(work);
        pool.candidateCode(1);
        try {
            return new Step.Done<>(future.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException late) {
            sandbox.cancel(StopReason.TIMEOUT);
            return awaitCancelled(future);
        } catch (ExecutionException failed) {
            return stopped(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            sandbox.cancel(StopReason.TIMEOUT);
            return new Step.Stopped<>(StopReason.INTERNAL_ERROR, "interrupted");
        } finally {
            pool.candidateCode(-1);
        }
    }

    private <T> Step<T> awaitCancelled(Future<T> future) {
        try {
            future.get(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return new Step.Stopped<>(sandbox.cancelReason(), "stopped at the limit");
        } catch (ExecutionException failed) {
            return stopped(failed.getCause());
        } catch (TimeoutException | InterruptedException stuck) {
            // Code that never reaches a safepoint (one huge arithmetic operation) cannot be
            // cancelled inside this JVM: its thread is abandoned, the result is still given.
            abandoned = true;
            sandbox.markDead();
            Thread worker = sandbox.worker();
            if (worker != null) {
                STRANDED.add(worker);
            }
            return new Step.Stopped<>(sandbox.cancelReason(), "stopped at the limit (its thread did not stop)");
        }
    }

    private <T> Step<T> stopped(Throwable cause) {
        StopReason cancelled = sandbox.cancelReason();
        if (cancelled != null) {
            return new Step.Stopped<>(cancelled, "stopped at the limit");
        }
        if (cause instanceof PolyglotException polyglot && polyglot.isGuestException() && !polyglot.isExit()) {
            // The harness never raises by itself; if it did, ask whether candidate code broke it.
            String tampering = verifyQuietly();
            if (tampering != null) {
                log.tampered(tampering);
            }
        }
        sandbox.markDead();
        if (cause instanceof PolyglotException polyglot) {
            if (polyglot.isExit()) {
                return new Step.Stopped<>(StopReason.EXIT, "the submission ended the interpreter with status "
                        + polyglot.getExitStatus());
            }
            if (polyglot.isResourceExhausted()) {
                return new Step.Stopped<>(StopReason.MEMORY, polyglot.getMessage());
            }
            if (polyglot.isCancelled()) {
                return new Step.Stopped<>(StopReason.TIMEOUT, "cancelled");
            }
            String denied = Denials.explain(polyglot.getMessage());
            if (denied != null) {
                return new Step.Stopped<>(StopReason.DENIED, denied);
            }
            return new Step.Stopped<>(StopReason.INTERNAL_ERROR, "GraalPy failed: " + polyglot.getMessage());
        }
        if (cause instanceof StackOverflowError) {
            return new Step.Stopped<>(StopReason.STACK_OVERFLOW, "the stack overflowed (unbounded recursion)");
        }
        if (cause instanceof OutOfMemoryError) {
            return new Step.Stopped<>(StopReason.MEMORY, "the heap ran out");
        }
        return new Step.Stopped<>(StopReason.INTERNAL_ERROR, "grader failure: " + cause);
    }

    /**
     * How many threads of abandoned gradings still run in this JVM, after waiting up to
     * {@code patience} for them to end (a cancellation on a loaded machine can be late). A
     * process that grades many submissions should be replaced when this is not zero: such a
     * thread burns a core until its computation ends by itself.
     */
    public static int strandedThreads(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Thread thread : STRANDED) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    thread.join(Duration.ofNanos(left));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        STRANDED.removeIf(thread -> !thread.isAlive());
        return STRANDED.size();
    }

    /** Returns the context to the pool; closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (log.tampering() != null) {
            sandbox.markDead(); // a context whose grader objects were touched is never reused
        }
        pool.release(sandbox);
    }
}
