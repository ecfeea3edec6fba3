package dev.pygrade.cli;

import dev.pygrade.report.JsonReporter;
import dev.pygrade.report.Reporter;
import dev.pygrade.report.TextReporter;
import picocli.CommandLine.Option;

/** --format text|json, shared by the commands that report results. */
final class FormatOption {
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    Reporter reporter() {
        return format == Format.json ? new JsonReporter() : new TextReporter();
    }
}
