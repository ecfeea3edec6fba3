package dev.pygrade.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pygrade.TestSandbox;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportScanTest {
    @Test
    void importStatementsNameTheirModulesAtAnyIndentation() {
        String source = """
                import functools
                import os.path as p, sys
                from collections import OrderedDict
                from . import sibling
                from .pkg import thing
                def f():
                    import threading
                    from concurrent.futures import ThreadPoolExecutor
                x = "import not_a_module"
                # import commented
                """;
        assertEquals(List.of("functools", "os.path", "sys", "collections", "threading", "concurrent.futures"),
                ImportScan.modules(source));
    }

    @Test
    void anExerciseWarmsWhatItsChecksAndReferenceImportButNotTheAnswerOrTheChecksApi() {
        Exercise lru = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
        assertEquals(List.of("functools"), lru.imports());
        Exercise threads = TestSandbox.exercises().find("q01-gil-threaded-io").orElseThrow();
        assertEquals(List.of("concurrent.futures", "threading", "time"), threads.imports());
    }
}
