package dev.pygrade.batch;

import dev.pygrade.report.BatchReports;
import dev.pygrade.report.CandidateResult;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * results.jsonl: one result per line, appended and flushed as each grading ends, so a killed
 * batch loses at most the line it was writing. A last line without its newline is such a torn
 * write: {@link #load} drops it (and cuts it from the file, so the next append starts clean).
 */
public final class ResultsLog implements AutoCloseable {
    public static final String FILE = "results.jsonl";

    private final Writer writer;

    private ResultsLog(Writer writer) {
        this.writer = writer;
    }

    /** Opens for appending, creating the file (and its folder) if needed. */
    public static ResultsLog append(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new ResultsLog(BatchReports.utf8Writer(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line per call, written whole and flushed; safe from several workers. */
    public synchronized void write(CandidateResult result) {
        try {
            writer.write(result.toJsonLine() + "\n");
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + FILE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the file exists and holds at least one byte. */
    public static boolean hasContent(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every complete line of {@code file} (none if it does not exist). With {@code repair}, a
     * torn last line is cut from the file. A complete line that is not a result is an error
     * naming its line number: such a file was not written by pygrade.
     */
    public static List<CandidateResult> load(Path file, boolean repair) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (repair && end < bytes.length) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(end);
                }
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            List<CandidateResult> results = new ArrayList<>();
            int number = 0;
            for (String line : text.split("\n", -1)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    results.add(CandidateResult.fromJsonLine(line));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + bad.getMessage());
                }
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code file} ends in a torn line (written by a run that was killed mid-line). */
    public static boolean torn(Path file) {
        try {
            if (!hasContent(file)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                channel.read(last, channel.size() - 1);
                return last.get(0) != '\n';
            }
        } catch (IOException e) {
            return false;
        }
    }
}
