package dev.pygrade.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The grader's own Python files, shipped as resources beside these classes. */
final class PythonSources {
    static final String HARNESS = read("_pygrade_harness.py");
    static final String API = read("pygrade.py");
    static final String UNITTEST = read("_pygrade_unittest.py");
    static final String BOOTSTRAP = read("_pygrade_bootstrap.py");
    static final String ASYNCIO = read("_pygrade_asyncio.py");
    static final String CPROFILE = read("_pygrade_cprofile.py");
    static final String POOL = read("_pygrade_pool.py");
    static final String MUTATOR = read("_pygrade_mutator.py");

    private PythonSources() {
    }

    private static String read(String name) {
        String path = "/dev/pygrade/python/" + name;
        try (InputStream in = PythonSources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
