package dev.pygrade.assessment;

import dev.pygrade.exercise.Capabilities;
import dev.pygrade.exercise.Exercise;
import dev.pygrade.exercise.Limits;
import dev.pygrade.store.Receipt;
import dev.pygrade.store.SubmissionRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Computes the receipt of a grading: what it ran, hashed, and pygrade's version. */
public final class Receipts {
    private Receipts() {
    }

    public static Receipt of(Exercise exercise, Limits limits, List<SubmissionRecord.StoredFile> files) {
        return new Receipt(Secrets.sha256(exercise.checksSource()), Secrets.sha256(exercise.prompt()),
                Secrets.sha256(limitsText(limits, exercise.capabilities())), Secrets.sha256(codeText(files)),
                version());
    }

    /** The limits and sandbox capabilities, in a fixed text form: both change what a grading can do. */
    static String limitsText(Limits limits, Capabilities capabilities) {
        return String.format(Locale.ROOT,
                "check_timeout_ms=%d\ntotal_timeout_ms=%d\nmax_output_bytes=%d\nmemory_bytes=%d\n"
                        + "threads=%b\ntracing=%b\nasyncio=%b\nfiles=%b\n",
                limits.checkTimeout().toMillis(), limits.totalTimeout().toMillis(), limits.maxOutputBytes(),
                limits.memoryBytes(), capabilities.threads(), capabilities.tracing(), capabilities.asyncio(),
                capabilities.files());
    }

    /** Every file's path and text, by path, each ended by a NUL: no two submissions share a text. */
    static String codeText(List<SubmissionRecord.StoredFile> files) {
        StringBuilder text = new StringBuilder();
        files.stream().sorted(Comparator.comparing(SubmissionRecord.StoredFile::path))
                .forEach(file -> text.append(file.path()).append('\0').append(file.text()).append('\0'));
        return text.toString();
    }

    /** The version in the jar's manifest, or "development" when run from classes. */
    public static String version() {
        String version = Receipts.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
