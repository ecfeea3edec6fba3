package dev.pygrade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache can be read and stat'ed, nothing more; every other path gets the others' denial. */
class BytecodeFileSystemTest {
    @TempDir
    Path root;
    private Path cache;
    private FileSystem files;

    @BeforeEach
    void cacheWithOneFile() throws Exception {
        cache = Files.createDirectories(root.resolve("target/pycache/25"));
        Files.writeString(cache.resolve("functools.pyc"), "bytecode");
        Files.writeString(root.resolve("checks.py"), "hidden");
        files = new BytecodeFileSystem(cache, FileSystem.newDenyIOFileSystem());
    }

    @Test
    void readsAndStatsInsideTheCache() throws Exception {
        Path pyc = files.parsePath(cache.resolve("functools.pyc").toString());
        files.checkAccess(pyc, Set.of(AccessMode.READ));
        assertEquals(8L, files.readAttributes(pyc, "size").get("size"));
        try (SeekableByteChannel channel = files.newByteChannel(pyc, Set.of(StandardOpenOption.READ))) {
            ByteBuffer buffer = ByteBuffer.allocate(16);
            assertEquals(8, channel.read(buffer));
        }
    }

    @Test
    void nothingInsideCanBeWrittenListedOrRemoved() {
        Path pyc = files.parsePath(cache.resolve("functools.pyc").toString());
        Path planted = files.parsePath(cache.resolve("planted.pyc").toString());
        assertThrows(AccessDeniedException.class, () -> files.newByteChannel(planted,
                Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE)));
        assertThrows(AccessDeniedException.class, () -> files.newByteChannel(pyc, Set.of(StandardOpenOption.APPEND)));
        assertThrows(AccessDeniedException.class, () -> files.checkAccess(pyc, Set.of(AccessMode.WRITE)));
        assertThrows(AccessDeniedException.class, () -> files.newDirectoryStream(files.parsePath(cache.toString()),
                entry -> true));
        assertThrows(AccessDeniedException.class, () -> files.delete(pyc));
        assertThrows(AccessDeniedException.class, () -> files.move(pyc, planted));
        assertThrows(AccessDeniedException.class, () -> files.createDirectory(planted));
        assertThrows(AccessDeniedException.class, () -> files.createSymbolicLink(planted, root.resolve("checks.py")));
        assertThrows(AccessDeniedException.class, () -> files.setAttribute(pyc, "posix:permissions",
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx")));
    }

    @Test
    void climbingOutWithDotDotReachesTheDenial() {
        Path climbed = files.parsePath(cache + "/../../../checks.py");
        assertThrows(SecurityException.class, () -> files.newByteChannel(climbed, Set.of(StandardOpenOption.READ)));
        assertThrows(SecurityException.class, () -> files.readAttributes(climbed, "size"));
        Path sibling = files.parsePath(cache.getParent().resolve("25-other/x.pyc").toString());
        assertThrows(SecurityException.class, () -> files.checkAccess(sibling, Set.of(AccessMode.READ)));
    }
}
