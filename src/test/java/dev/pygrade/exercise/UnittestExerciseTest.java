package dev.pygrade.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnittestExerciseTest {
    @Test
    void testsThatUseThreadsOrAsyncioGetThem() {
        assertEquals(new Capabilities(false, false, false, true),
                UnittestExercise.capabilities("import unittest\nfrom bank import Account\n"));
        assertEquals(new Capabilities(true, false, false, true),
                UnittestExercise.capabilities("import unittest\nimport threading\n"));
        assertEquals(new Capabilities(true, false, false, true),
                UnittestExercise.capabilities("from concurrent.futures import ThreadPoolExecutor\n"));
        assertEquals(new Capabilities(false, false, true, true),
                UnittestExercise.capabilities("class T(unittest.IsolatedAsyncioTestCase):\n    pass\n"));
        assertEquals(new Capabilities(false, false, true, true),
                UnittestExercise.capabilities("    import asyncio\n"));
        assertEquals(new Capabilities(false, false, false, true),
                UnittestExercise.capabilities("# no threading here: import threadingly\nx = 'import asyncio_x'\n"));
    }
}
