package dev.pygrade.worker;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JDK's AOT cache (JEP 483/515) a worker JVM starts with: the one the launcher trained and
 * started its supervisor with (the classes GraalPy loads and links, and method profiles), so that
 * a new worker grades sooner. A cache that does not match the jars or flags is ignored by the JVM,
 * silently: its logs would reach the protocol channel otherwise.
 */
final class StartupCache {
    private static final String OPTION = "-XX:AOTCache=";

    private StartupCache() {
    }

    static List<String> flags() {
        return flags(ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.version().feature());
    }

    /** The worker's flags for a supervisor started with these JVM arguments on this JDK release. */
    static List<String> flags(List<String> supervisorArguments, int jdkFeature) {
        if (jdkFeature < 25) {
            return List.of();
        }
        return supervisorArguments.stream()
                .filter(argument -> argument.startsWith(OPTION))
                .filter(argument -> Files.isRegularFile(Path.of(argument.substring(OPTION.length()))))
                .reduce((first, last) -> last)
                .map(cache -> List.of(cache, "-Xlog:aot=off", "-Xlog:cds=off")).orElse(List.of());
    }
}
