package dev.pygrade.sandbox;

/**
 * How gradings get their interpreter: a warm context reused once proven clean (POOLED, the
 * default), or a new context for every grading (FRESH). Both give the same results.
 */
public enum Isolation {
    POOLED, FRESH;

    /** The system property pygrade.isolation (how a worker JVM learns its parent's choice), else POOLED. */
    public static Isolation fromSystem() {
        String value = System.getProperty("pygrade.isolation");
        return value == null ? POOLED : valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
