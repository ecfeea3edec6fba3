package dev.pygrade.cli;

import dev.pygrade.services.Services;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The launcher's entry point: the only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // The engine is not closed on the way out: closing waits for every context's threads,
        // and a thread abandoned by a cancelled grading may never stop. Exiting ends them all.
        int code = Pygrade.run(args, out, err, new Services(Services.defaultHome()));
        out.flush();
        err.flush();
        System.exit(code);
    }
}
