package dev.pygrade.sandbox;

/**
 * One mutant of a Python file: where the change is (line and column of the original), what
 * kind of change it is (arithmetic, comparison, boolean, constant, statement, return), the
 * change in words ("`n < 2` -> `n <= 2`"), and the whole mutated source.
 */
public record SourceMutant(int line, int column, String kind, String change, String source) {
}
