package dev.pygrade.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnittestExerciseTest {
    @Test
    void testsThatUseThreadsOrAsyncioGetThem() {
        assertEquals(new Capabilities(false, false, false, false),
                UnittestExercise.capabilities("import unittest\nfrom bank import Account\n", false));
        assertEquals(new Capabilities(true, false, false, true),
                UnittestExercise.capabilities("import unittest\nimport threading\n", true));
        assertEquals(new Capabilities(true, false, false, false),
                UnittestExercise.capabilities("from concurrent.futures import ThreadPoolExecutor\n", false));
        assertEquals(new Capabilities(false, false, true, false),
                UnittestExercise.capabilities("class T(unittest.IsolatedAsyncioTestCase):\n    pass\n", false));
        assertEquals(new Capabilities(false, false, true, false),
                UnittestExercise.capabilities("    import asyncio\n", false));
        assertEquals(new Capabilities(false, false, false, false),
                UnittestExercise.capabilities("# no threading here: import threadingly\nx = 'import asyncio_x'\n", false));
    }
}
