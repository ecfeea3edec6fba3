package dev.pygrade.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The modules an exercise's checks and reference import, read from their import statements
 * (at any indentation): what a pooled context kept for its gradings should hold already. A
 * name it misses costs time, never a verdict: the grading imports it and the pool forgets it.
 */
public final class ImportScan {
    private static final Pattern IMPORT = Pattern.compile(
            "^[ \\t]*(?:import[ \\t]+([\\w. \\t,]+)|from[ \\t]+([\\w.]+)[ \\t]+import\\b)", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]*");
    /** Scans by the files' paths, sizes and modification times: exercises are read once. */
    private static final Map<String, List<String>> SCANNED = new ConcurrentHashMap<>();

    private ImportScan() {
    }

    static List<String> of(Exercise exercise) {
        List<Path> files = new ArrayList<>(List.of(exercise.checksFile()));
        Path reference = exercise.reference();
        if (Files.isDirectory(reference)) {
            try (Stream<Path> walk = Files.walk(reference)) {
                walk.filter(file -> file.toString().endsWith(".py")).forEach(files::add);
            } catch (IOException unreadable) {
                return List.of();
            }
        } else {
            files.add(reference);
        }
        StringBuilder key = new StringBuilder();
        for (Path file : files) {
            try {
                key.append(file).append('|').append(Files.size(file)).append('|')
                        .append(Files.getLastModifiedTime(file).toMillis()).append(';');
            } catch (IOException missing) {
                key.append(file).append("|-;");
            }
        }
        return SCANNED.computeIfAbsent(key.toString(), k -> scan(files, exercise.module()));
    }

    private static List<String> scan(List<Path> files, String candidateModule) {
        TreeSet<String> names = new TreeSet<>();
        for (Path file : files) {
            String source;
            try {
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                continue;
            }
            names.addAll(modules(source));
        }
        String own = candidateModule.split("\\.")[0];
        names.removeIf(name -> name.equals("pygrade") || name.split("\\.")[0].equals(own));
        return List.copyOf(names);
    }

    /** The absolute module names a source's import statements name ("import a.b as c, d", "from e import f"). */
    public static List<String> modules(String source) {
        List<String> found = new ArrayList<>();
        Matcher statement = IMPORT.matcher(source);
        while (statement.find()) {
            if (statement.group(2) != null) {
                if (!statement.group(2).startsWith(".")) {  // a relative import names the answer's own package
                    found.add(statement.group(2));
                }
                continue;
            }
            for (String part : statement.group(1).split(",")) {
                Matcher name = NAME.matcher(part.strip());
                if (name.lookingAt()) {
                    found.add(name.group());
                }
            }
        }
        return found;
    }
}
