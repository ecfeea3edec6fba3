package dev.pygrade.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One worker JVM and the lines it answers, read on a thread of their own. */
final class WorkerProcess implements AutoCloseable {
    /** Results carry fields computed on write ("schema"): reading ignores what it does not bind. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String END = "\u0000end";

    private final Process process;
    private final Writer jobs;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private int gradings;

    private WorkerProcess(Process process) {
        this.process = process;
        this.jobs = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("pygrade-worker-reader").start(this::readAnswers);
    }

    static WorkerProcess start(WorkerCommand command) throws IOException {
        // A worker's stderr holds only what GraalPy or the JVM say about failures; kept when asked.
        String log = System.getenv("PYGRADE_WORKER_LOG");
        ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectError(log == null
                ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(new java.io.File(log)));
        return new WorkerProcess(builder.start());
    }

    private void readAnswers() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                answers.add(line);
            }
        } catch (IOException ended) {
            // the worker died; END below tells the waiting grading
        }
        answers.add(END);
    }

    void send(GradingJob job) throws IOException {
        gradings++;
        jobs.write(JSON.writeValueAsString(job));
        jobs.write('\n');
        jobs.flush();
    }

    /** An answer that is not a message: a bug on one side of the protocol, never the candidate's. */
    static final class GarbledAnswer extends IOException {
        GarbledAnswer(String line, com.fasterxml.jackson.core.JsonProcessingException cause) {
            super("a worker answered something unreadable (" + cause.getOriginalMessage() + "): "
                    + line.substring(0, Math.min(200, line.length())), cause);
        }
    }

    /** The worker's next message, or empty when it ended or {@code wait} passed. */
    Optional<WorkerMessage> next(Duration wait) throws InterruptedException, GarbledAnswer {
        String line = answers.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        if (line == null || line.equals(END)) {
            if (line != null) {
                answers.add(END);
            }
            return Optional.empty();
        }
        if (!line.startsWith("{")) {
            // the JVM's own last words ("Terminating due to java.lang.OutOfMemoryError") go to
            // stdout; they are not messages, and the exit code tells the supervisor the rest
            return next(wait);
        }
        try {
            return Optional.of(JSON.readValue(line, WorkerMessage.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException garbled) {
            throw new GarbledAnswer(line, garbled);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    int gradings() {
        return gradings;
    }

    /** The exit code once the process has ended (waiting a little for it), else empty. */
    Optional<Integer> exitCode() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return Optional.of(process.exitValue());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            jobs.close();
        } catch (IOException alreadyGone) {
            // the process is gone; so is its stdin
        }
    }
}
