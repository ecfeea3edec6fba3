package dev.pygrade.assessment;

import dev.pygrade.report.BatchReports;
import dev.pygrade.report.CandidateResult;
import dev.pygrade.report.GradescopeWriter;
import dev.pygrade.report.JunitXmlWriter;
import dev.pygrade.report.SummaryCsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;

/**
 * An assessment's results in the formats a batch writes, by the same writers (report/): one
 * line per candidate and exercise, the candidate's name as "candidate". CSV, JSON lines and
 * JUnit XML go to one stream; Gradescope is a folder of CANDIDATE/EXERCISE/results.json.
 */
public final class AssessmentExport {
    private AssessmentExport() {
    }

    /** The formats, by the names the command line takes. */
    public enum Format {
        CSV, JSONL, JUNIT, GRADESCOPE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format of(String wire) {
            return Arrays.stream(values()).filter(format -> format.wire().equals(wire)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + wire + "' (expected "
                            + Arrays.stream(values()).map(Format::wire).collect(Collectors.joining(", ")) + ")"));
        }

        /** Whether the format is a folder rather than one stream. */
        public boolean folder() {
            return this == GRADESCOPE;
        }
    }

    /** Writes a one-stream format (csv, jsonl, junit). */
    public static void write(Format format, List<CandidateResult> results, Writer out) throws IOException {
        switch (format) {
            case CSV -> new SummaryCsvWriter().write(results, out);
            case JSONL -> {
                for (CandidateResult line : results) {
                    out.write(line.toJsonLine());
                    out.write("\n");
                }
                out.flush();
            }
            case JUNIT -> {
                try {
                    new JunitXmlWriter().write(results, out);
                } catch (XMLStreamException e) {
                    throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
                }
            }
            case GRADESCOPE -> throw new IllegalArgumentException("gradescope is a folder: use writeFolder");
        }
    }

    /** Writes gradescope/ as a batch does: FOLDER/CANDIDATE/EXERCISE/results.json; answers the files written. */
    public static List<Path> writeFolder(List<CandidateResult> results, Path folder) throws IOException {
        GradescopeWriter gradescope = new GradescopeWriter();
        List<Path> written = new java.util.ArrayList<>();
        for (CandidateResult line : results) {
            Path file = folder.resolve(BatchReports.segment(line.candidate())).resolve(BatchReports.segment(
                    line.exercise())).resolve(GradescopeWriter.FILE);
            Files.createDirectories(file.getParent());
            try (Writer out = BatchReports.utf8Writer(file)) {
                gradescope.write(line, out);
            }
            written.add(file);
        }
        return written;
    }
}
