package dev.pygrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.services.Services;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: its exit code and what it wrote to each stream. */
record CliRun(int code, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A correct answer to q09-lru-cache. */
    static final String GOOD_FIBONACCI = """
            from functools import lru_cache

            @lru_cache(maxsize=128)
            def fibonacci(n):
                return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)
            """;

    static CliRun of(Services services, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pygrade.run(args, new PrintWriter(out), new PrintWriter(err), services);
        return new CliRun(code, out.toString(), err.toString());
    }

    JsonNode json() throws IOException {
        return JSON.readTree(out);
    }
}
