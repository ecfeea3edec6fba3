package dev.pygrade.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.file.OpenOption;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * The reports a batch folder holds beside results.jsonl, always regenerated from all its lines:
 * summary.csv, junit.xml and gradescope/CANDIDATE/EXERCISE/results.json. Each file is written
 * to a temporary name and moved into place, so a reader never sees half a report.
 */
public final class BatchReports {
    private BatchReports() {
    }

    public static void write(List<CandidateResult> results, Path folder) {
        List<CandidateResult> sorted = results.stream()
                .sorted(Comparator.comparing(CandidateResult::candidate).thenComparing(CandidateResult::exercise))
                .toList();
        try {
            Files.createDirectories(folder);
            replace(folder.resolve(SummaryCsvWriter.FILE), out -> new SummaryCsvWriter().write(sorted, out));
            replace(folder.resolve(JunitXmlWriter.FILE), out -> {
                try {
                    new JunitXmlWriter().write(sorted, out);
                } catch (XMLStreamException e) {
                    throw new IOException(e);
                }
            });
            GradescopeWriter gradescope = new GradescopeWriter();
            for (CandidateResult line : sorted) {
                Path file = folder.resolve(GradescopeWriter.FOLDER).resolve(segment(line.candidate()))
                        .resolve(segment(line.exercise())).resolve(GradescopeWriter.FILE);
                Files.createDirectories(file.getParent());
                replace(file, out -> gradescope.write(line, out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * UTF-8 that never throws on text it cannot encode (a lone surrogate a candidate printed):
     * such a character becomes '?' instead of costing the whole report.
     */
    public static Writer utf8Writer(Path file, OpenOption... options) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, options),
                StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** A name safe as one path segment: no separators, never "." or "..". */
    public static String segment(String name) {
        String safe = name.replaceAll("[/\\\\\\x00-\\x1f]", "_");
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "_" + safe : safe;
    }

    private interface Body {
        void write(Writer out) throws IOException;
    }

    private static void replace(Path file, Body body) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = utf8Writer(temporary)) {
            body.write(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
