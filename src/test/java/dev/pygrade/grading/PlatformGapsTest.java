package dev.pygrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformGapsTest {
    @Test
    void aMissingPlatformFeatureIsNamed() {
        String message = PlatformGaps.annotate("AttributeError: module 'tracemalloc' has no attribute 'start'");
        assertTrue(message.endsWith("(platform note: tracemalloc cannot trace allocations in the grading sandbox "
                + "(GraalPy): measure time or count objects instead)"), message);
        assertTrue(PlatformGaps.annotate("ModuleNotFoundError: No module named '_sqlite3'").contains("sqlite3 is not"));
    }

    @Test
    void otherMessagesAreLeftAlone() {
        assertEquals("AttributeError: module 'gc' has no attribute 'collectx'",
                PlatformGaps.annotate("AttributeError: module 'gc' has no attribute 'collectx'"));
        assertEquals(null, PlatformGaps.annotate(null));
    }
}
