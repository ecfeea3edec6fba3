package dev.pygrade.report;

import dev.pygrade.grading.CheckResult;
import dev.pygrade.grading.CheckStatus;
import dev.pygrade.grading.GradeResult;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml as Jenkins and GitLab read it: one {@code <testsuite>} per (candidate, exercise),
 * named "candidate/exercise", one {@code <testcase>} per check (classname "candidate.exercise");
 * a failed check is a {@code <failure>}, a check that raised, timed out, ran out of memory or
 * hit an internal error is an {@code <error>}, a check not run is {@code <skipped>}. When the
 * submission as a whole went wrong (it did not compile, could not be read...) the suite gets
 * one more test case, "submission", with that {@code <error>}. Characters XML 1.0 forbids are
 * dropped.
 */
public final class JunitXmlWriter {
    public static final String FILE = "junit.xml";
    private static final int MESSAGE_CHARS = 200;

    public void write(List<CandidateResult> results, Writer out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        Counts all = new Counts();
        results.forEach(line -> all.add(Counts.of(line.result())));
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "pygrade");
        all.writeAttributes(xml);
        xml.writeCharacters("\n");
        for (CandidateResult line : results) {
            suite(line, xml);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void suite(CandidateResult line, XMLStreamWriter xml) throws XMLStreamException {
        GradeResult result = line.result();
        String classname = line.candidate() + "." + result.exercise();
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(line.candidate() + "/" + result.exercise()));
        Counts.of(result).writeAttributes(xml);
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "candidate", line.candidate());
        property(xml, "exercise", result.exercise());
        property(xml, "submission", result.submission());
        property(xml, "status", result.status().wire());
        property(xml, "score", Scores.format(result.score()));
        property(xml, "max_score", Scores.format(result.maxScore()));
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        if (result.error() != null) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", "submission");
            xml.writeAttribute("classname", clean(classname));
            child(xml, "error", result.error().kind().name().toLowerCase(Locale.ROOT), result.error().located());
            xml.writeEndElement();
        }
        for (CheckResult check : result.checks()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", clean(check.name()));
            xml.writeAttribute("classname", clean(classname));
            String detail = check.message() + (check.output().isBlank() ? "" : "\noutput:\n" + check.output());
            switch (check.status()) {
                case PASSED -> { }
                case FAILED -> child(xml, "failure", check.status().wire(), detail);
                case SKIPPED, NOT_RUN -> {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", clean(firstLine(check.message())));
                }
                default -> child(xml, "error", check.status().wire(), detail);
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void child(XMLStreamWriter xml, String element, String type, String detail)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(firstLine(detail)));
        xml.writeAttribute("type", type);
        xml.writeCharacters(clean(detail));
        xml.writeEndElement();
    }

    private static String firstLine(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > MESSAGE_CHARS ? first.substring(0, MESSAGE_CHARS) + "..." : first;
    }

    /** Drops what XML 1.0 cannot hold: control characters, lone surrogates, U+FFFE and U+FFFF. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int code = text.codePointAt(i);
            int width = Character.charCount(code);
            boolean legal = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
                    || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
            if (legal) {
                kept.appendCodePoint(code);
            }
            i += width;
        }
        return kept.toString();
    }

    /** The counts a testsuite (or testsuites) element carries. */
    private static final class Counts {
        int tests;
        int failures;
        int errors;
        int skipped;
        long millis;

        static Counts of(GradeResult result) {
            Counts counts = new Counts();
            counts.tests = result.checks().size() + (result.error() != null ? 1 : 0);
            counts.errors = result.error() != null ? 1 : 0;
            for (CheckResult check : result.checks()) {
                if (check.status() == CheckStatus.FAILED) {
                    counts.failures++;
                } else if (check.status() == CheckStatus.SKIPPED || check.status() == CheckStatus.NOT_RUN) {
                    counts.skipped++;
                } else if (check.status() != CheckStatus.PASSED) {
                    counts.errors++;
                }
            }
            counts.millis = result.durationMs();
            return counts;
        }

        void add(Counts other) {
            tests += other.tests;
            failures += other.failures;
            errors += other.errors;
            skipped += other.skipped;
            millis += other.millis;
        }

        void writeAttributes(XMLStreamWriter xml) throws XMLStreamException {
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(errors));
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", millis / 1000.0));
        }
    }
}
