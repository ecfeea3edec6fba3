package dev.pygrade.grading;

import java.util.List;

/**
 * What GraalPy, the Python that grades an answer, lacks and CPython has: a failure whose message
 * shows one of these gaps says so, so that a candidate does not hunt for a bug in correct code.
 */
final class PlatformGaps {
    private record Gap(String signature, String note) {
    }

    private static final List<Gap> GAPS = List.of(
            new Gap("module 'tracemalloc' has no attribute",
                    "tracemalloc cannot trace allocations in the grading sandbox (GraalPy): measure time or "
                            + "count objects instead"),
            new Gap("module 'gc' has no attribute 'get_objects'",
                    "gc.get_objects() does not exist in the grading sandbox (GraalPy): keep references "
                            + "(or weak references) to the objects you need to find"),
            new Gap("No module named '_sqlite3'",
                    "sqlite3 is not available in the grading sandbox (GraalPy): use what the exercise gives you"),
            new Gap("No module named 'sqlite3'",
                    "sqlite3 is not available in the grading sandbox (GraalPy): use what the exercise gives you"));

    private PlatformGaps() {
    }

    /** The message, with a note when it shows a gap of the platform rather than of the answer. */
    static String annotate(String message) {
        if (message == null) {
            return null;
        }
        for (Gap gap : GAPS) {
            if (message.contains(gap.signature())) {
                return message + "\n(platform note: " + gap.note() + ")";
            }
        }
        return message;
    }
}
