package dev.pygrade.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Makes mutants of a Python source with _pygrade_mutator.py (Python's own ast module and
 * ast.unparse), in a GraalPy context of the shared engine that may do nothing but compute:
 * no host Python is ever started. The mutator is trusted code; the source it reads is only
 * parsed, never run.
 */
public final class SourceMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SandboxPolicy NOTHING = new SandboxPolicy(false, false, false, false, 64 * 1024,
            Long.MAX_VALUE, java.util.List.of());

    private final SandboxEngine engine;

    public SourceMutator(SandboxEngine engine) {
        this.engine = engine;
    }

    /**
     * At most {@code limit} mutants of {@code source}, always the same ones for the same input.
     *
     * @throws IllegalArgumentException when the source does not parse (the reference is broken)
     */
    public List<SourceMutant> mutants(String source, String filename, int limit) {
        try (Context context = engine.newContext(NOTHING, OutputStream.nullOutputStream(), null)) {
            context.eval(Source.newBuilder("python", PythonSources.MUTATOR, "<pygrade mutator>")
                    .buildLiteral());
            Value mutants = context.getBindings("python").getMember("mutants");
            String json = mutants.execute(source, filename, limit).asString();
            return JSON.readValue(json, new TypeReference<List<SourceMutant>>() { });
        } catch (PolyglotException failed) {
            throw new IllegalArgumentException(filename + ": cannot make mutants: " + failed.getMessage(), failed);
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("the mutator answered unreadable JSON", unreadable);
        }
    }
}
