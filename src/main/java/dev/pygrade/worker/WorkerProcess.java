package dev.pygrade.worker;

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
    private static final ObjectMapper JSON = new ObjectMapper();
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
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
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

    /** The worker's next message, or empty when it ended or {@code wait} passed. */
    Optional<WorkerMessage> next(Duration wait) throws InterruptedException {
        String line = answers.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        if (line == null || line.equals(END)) {
            if (line != null) {
                answers.add(END);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(line, WorkerMessage.class));
        } catch (IOException garbled) {
            return next(wait);
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
