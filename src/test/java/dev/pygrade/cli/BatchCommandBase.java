package dev.pygrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pygrade.TestSandbox;
import dev.pygrade.services.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** What the tests of pygrade batch and merge share: in-process runs, answers written into a temporary folder. */
abstract class BatchCommandBase {
    static final ObjectMapper JSON = new ObjectMapper();
    /** An empty environment: no shard is taken from the machine running the tests. */
    static final Services SERVICES = new Services(TestSandbox.home(), Map.of());
    static final String GOOD = CliRun.GOOD_FIBONACCI;
    static final String WRONG = GOOD.replace("n < 2", "n < 3");
    static final String ID = "q09-lru-cache";

    @TempDir
    Path dir;

    /**
     * Batches here grade in this JVM (--in-process): these tests are about the batch's outputs;
     * worker JVMs are proven by HostileFixturesIT, where isolation is the point.
     */
    static CliRun run(String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        if (argv.get(0).equals("batch")) {
            argv.add("--in-process");
        }
        return CliRun.of(SERVICES, argv.toArray(String[]::new));
    }

    Path answer(String candidate, String text) throws IOException {
        Path file = dir.resolve("submissions").resolve(candidate).resolve(ID + ".py");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    static List<JsonNode> lines(Path results) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(results.resolve("results.jsonl"))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    static Map<String, JsonNode> byCandidate(List<JsonNode> lines) {
        Map<String, JsonNode> map = new HashMap<>();
        lines.forEach(line -> map.put(line.get("candidate").asText(), line));
        return map;
    }
}
