package dev.pygrade.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.services.Services;
import dev.pygrade.exercise.Capabilities;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.ExerciseRepository;
import dev.pygrade.exercise.Limits;
import dev.pygrade.grading.GradeResult;
import dev.pygrade.grading.Grader;
import dev.pygrade.grading.Problem;
import dev.pygrade.grading.Status;
import dev.pygrade.sandbox.HarnessSession;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A worker JVM: grades the jobs it reads from stdin, one JSON line each, and answers on
 * stdout. Its heap is its own, so a memory bomb can end this process but never its
 * supervisor. It retires (exits after answering) when a grading left a thread it could not
 * stop, so that nothing a submission started outlives its grading.
 */
public final class WorkerMain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.Duration STRANDED_PATIENCE = java.time.Duration.ofSeconds(5);

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // the protocol channel carries nothing but answers
        Services services = new Services(Services.defaultHome());
        // Warm before the first job: a worker that replaces one a submission ended is started as
        // soon as that one is gone, and this is the bulk of its start (GraalPy's first context).
        // Jobs sent meanwhile wait in the pipe. Most exercises ask for no capability.
        try {
            services.prewarm(Grader.policyFor(Capabilities.NONE, Limits.DEFAULT, java.util.List.of()));
        } catch (RuntimeException unwarmed) {
            // the first job starts GraalPy itself, and reports what fails
        }
        BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = jobs.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            GradingJob job = JSON.readValue(line, GradingJob.class);
            GradeResult result = grade(services, job, protocol);
            boolean retiring = HarnessSession.strandedThreads(STRANDED_PATIENCE) > 0;
            send(protocol, new WorkerMessage(job.id(), null, result, retiring ? Boolean.TRUE : null,
                    services.poolStats()));
            if (retiring) {
                System.exit(0);
            }
        }
        System.exit(0);
    }

    private static GradeResult grade(Services services, GradingJob job, PrintStream protocol) {
        Exercise exercise = new ExerciseRepository(Path.of(job.exercisesDir())).find(job.exerciseId()).orElse(null);
        if (exercise == null) {
            return new GradeResult(job.exerciseId(), job.label(), Status.INTERNAL_ERROR, 0, 0, 0,
                    Problem.of(Problem.Kind.INTERNAL, "the worker found no exercise " + job.exerciseId()), List.of());
        }
        return services.grader().grade(exercise, job.submission(), job.limits(), checks -> send(protocol,
                new WorkerMessage(job.id(), checks.stream().map(WorkerMessage.Check::of).toList(), null, null, null)));
    }

    private static synchronized void send(PrintStream protocol, WorkerMessage message) {
        try {
            protocol.println(JSON.writeValueAsString(message));
        } catch (IOException unwritable) {
            System.exit(4);
        }
        protocol.flush();
    }
}
