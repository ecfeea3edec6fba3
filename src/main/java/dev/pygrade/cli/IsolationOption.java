package dev.pygrade.cli;

import dev.pygrade.sandbox.Isolation;
import picocli.CommandLine.Option;

/** --isolation, shared by every command that grades. */
final class IsolationOption {
    @Option(names = "--isolation", paramLabel = "MODE", defaultValue = "pooled",
            converter = IsolationOption.Converter.class,
            description = "pooled: reuse warm interpreters proven clean after each grading; fresh: a new "
                    + "interpreter for every grading. Results are the same. Default: pooled (batch: pooled from "
                    + "10 gradings per exercise, fresh below).")
    Isolation isolation = Isolation.POOLED;

    static final class Converter implements picocli.CommandLine.ITypeConverter<Isolation> {
        @Override
        public Isolation convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "pooled" -> Isolation.POOLED;
                case "fresh" -> Isolation.FRESH;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected pooled or fresh, not '" + value + "'");
            };
        }
    }
}
