package dev.pygrade.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pygrade.TestSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The assessment packages import only packages below them: store and similarity know nothing
 * of assessments, and nothing of them knows the command line or the server.
 */
class PackageLayersTest {
    /** Package to the pygrade packages it must not import (by name or fully qualified). */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "assessment", List.of("cli", "server"),
            "similarity", List.of("cli", "server", "assessment", "store", "grading", "sandbox", "worker"),
            "store", List.of("cli", "server", "assessment", "similarity", "sandbox", "worker"));
    private static final Pattern REFERENCE = Pattern.compile("dev\\.pygrade\\.([a-z]+)\\.");

    @Test
    void noAssessmentPackageReachesUp() throws IOException {
        List<String> violations = new ArrayList<>();
        Path sources = TestSandbox.home().resolve("src/main/java/dev/pygrade");
        for (var entry : FORBIDDEN.entrySet()) {
            try (Stream<Path> files = Files.walk(sources.resolve(entry.getKey()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher used = REFERENCE.matcher(Files.readString(file));
                    while (used.find()) {
                        if (entry.getValue().contains(used.group(1))) {
                            violations.add(sources.relativize(file) + " uses dev.pygrade." + used.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
