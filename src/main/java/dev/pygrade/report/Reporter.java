package dev.pygrade.report;

import dev.pygrade.grading.GradeResult;
import java.io.PrintWriter;

/** Writes a grading's result in one format. */
public interface Reporter {
    void write(GradeResult result, PrintWriter out);
}
