package dev.pygrade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {
    @TempDir
    Path folder;

    @Test
    void aWorkerStartsWithItsSupervisorsCacheAndKeepsTheJvmsCacheLogsOffItsProtocolChannel() throws Exception {
        Path cache = Files.writeString(folder.resolve("pygrade.aot"), "trained");
        assertEquals(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"),
                StartupCache.flags(List.of("-Xmx2g", "-XX:AOTCache=" + cache, "-Xlog:aot=off"), 25));
    }

    @Test
    void noCacheWhereTheSupervisorHadNoneItsFileIsGoneOrTheJdkPredatesTheAotCache() throws Exception {
        Path cache = Files.writeString(folder.resolve("pygrade.aot"), "trained");
        assertEquals(List.of(), StartupCache.flags(List.of("-Xmx2g"), 25));
        assertEquals(List.of(), StartupCache.flags(List.of("-XX:AOTCache=" + folder.resolve("gone.aot")), 25));
        assertEquals(List.of(), StartupCache.flags(List.of("-XX:AOTCache=" + cache), 21));
    }
}
