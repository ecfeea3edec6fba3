package dev.pygrade.sandbox;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The files capability: an empty in-memory Unix file system (working directory /work, and
 * /tmp) that a grading may read and write, closed with the grading.
 *
 * <p>Paths handed to GraalPy are ordinary host-style paths, because GraalPy's own standard
 * library is read through the same file system (let through, read-only, by
 * {@link FileSystem#allowInternalResourceAccess}), and Truffle refuses to mix path types.
 * Every candidate path is then mapped onto the in-memory store; the host's files are never
 * touched.
 */
final class MemoryFileSystem implements FileSystem, java.io.Closeable {
    static final Path WORKING_DIRECTORY = Path.of("/work");

    private static final List<String> LONG_ATTRIBUTES = List.of("ino", "dev", "rdev", "size");

    private final java.nio.file.FileSystem store;
    private Path workingDirectory = WORKING_DIRECTORY;

    private MemoryFileSystem(java.nio.file.FileSystem store) {
        this.store = store;
    }

    static MemoryFileSystem create() {
        java.nio.file.FileSystem store = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setWorkingDirectory(WORKING_DIRECTORY.toString())
                .setAttributeViews("basic", "owner", "posix", "unix")
                .build());
        try {
            Files.createDirectories(store.getPath("/tmp"));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return new MemoryFileSystem(store);
    }

    /** What GraalPy gets: this store, plus read-only access to its own standard library. */
    FileSystem forContext() {
        return FileSystem.allowInternalResourceAccess(this);
    }

    private Path stored(Path path) {
        return store.getPath(toAbsolutePath(path).normalize().toString());
    }

    private static Path host(Path stored) {
        return Path.of(stored.toString());
    }

    @Override
    public Path parsePath(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            throw new UnsupportedOperationException("only file: URIs exist in the sandbox");
        }
        return Path.of(uri.getPath());
    }

    @Override
    public Path parsePath(String path) {
        return Path.of(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        store.provider().checkAccess(stored(path), modes.toArray(AccessMode[]::new));
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        Files.createDirectory(stored(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        Files.delete(stored(path));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return Files.newByteChannel(stored(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(stored(dir))) {
            for (Path entry : stream) {
                Path hostPath = host(entry);
                if (filter.accept(hostPath)) {
                    entries.add(hostPath);
                }
            }
        }
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : workingDirectory.resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        return host(stored(path).toRealPath(options));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Map<String, Object> read = new java.util.HashMap<>(Files.readAttributes(stored(path), attributes, options));
        // The in-memory store answers some numbers as Integer where the JDK's Unix view
        // (and so GraalPy's stat) has Long.
        for (String key : LONG_ATTRIBUTES) {
            if (read.get(key) instanceof Integer number) {
                read.put(key, number.longValue());
            }
        }
        return read;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        Files.setAttribute(stored(path), attribute, value, options);
    }

    @Override
    public void move(Path source, Path target, java.nio.file.CopyOption... options) throws IOException {
        Files.move(stored(source), stored(target), options);
    }

    @Override
    public void copy(Path source, Path target, java.nio.file.CopyOption... options) throws IOException {
        Files.copy(stored(source), stored(target), options);
    }

    @Override
    public void setCurrentWorkingDirectory(Path directory) {
        workingDirectory = toAbsolutePath(directory);
    }

    @Override
    public Path getTempDirectory() {
        return Path.of("/tmp");
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
