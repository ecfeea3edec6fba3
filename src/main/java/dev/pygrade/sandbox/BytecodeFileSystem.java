package dev.pygrade.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * What a grading context sees of the host's files: one directory of compiled standard-library
 * bytecode (the {@link BytecodeCache}), to read and to stat, and nothing else. Every other path
 * goes to the context's own file system (an in-memory one, or one that denies everything).
 * Inside the cache nothing can be written, deleted, moved or listed; a path is judged after
 * {@code ..} and {@code .} are resolved, so that {@code cache/../..} leads out to a denial.
 */
final class BytecodeFileSystem implements FileSystem {
    private final Path cache;
    private final FileSystem others;

    /** cache: an absolute, normalized host directory; others: what every other path goes to. */
    BytecodeFileSystem(Path cache, FileSystem others) {
        this.cache = cache.toAbsolutePath().normalize();
        this.others = others;
    }

    /** Under the cache, judged on the path with {@code ..} resolved; null for any other path. */
    private Path cached(Path path) {
        Path absolute = toAbsolutePath(path).normalize();
        return absolute.startsWith(cache) ? absolute : null;
    }

    private static AccessDeniedException readOnly(Path path) {
        return new AccessDeniedException(path.toString(), null, "the bytecode cache is read-only");
    }

    /** Refuses an operation that would change the cache: any of its paths lies inside. */
    private void refuseInside(Path... paths) throws AccessDeniedException {
        for (Path path : paths) {
            if (cached(path) != null) {
                throw readOnly(path);
            }
        }
    }

    @Override
    public Path parsePath(URI uri) {
        return others.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return others.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        Path host = cached(path);
        if (host == null) {
            others.checkAccess(path, modes, options);
            return;
        }
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw readOnly(path);
        }
        host.getFileSystem().provider().checkAccess(host);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        refuseInside(dir);
        others.createDirectory(dir, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        refuseInside(path);
        others.delete(path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path host = cached(path);
        if (host == null) {
            return others.newByteChannel(path, options, attrs);
        }
        for (OpenOption option : options) {
            if (option != StandardOpenOption.READ && option != LinkOption.NOFOLLOW_LINKS) {
                throw readOnly(path);
            }
        }
        return Files.newByteChannel(host, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        if (cached(dir) != null) {
            // importing reads a .pyc by its computed name: nothing needs the listing
            throw new AccessDeniedException(dir.toString(), null, "the bytecode cache cannot be listed");
        }
        return others.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        // the file system that denies everything refuses even this, for any path
        return path.isAbsolute() ? path : others.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        Path host = cached(path);
        return host == null ? others.toRealPath(path, options) : host;
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path host = cached(path);
        return host == null ? others.readAttributes(path, attributes, options)
                : Files.readAttributes(host, attributes, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        refuseInside(path);
        others.setAttribute(path, attribute, value, options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        refuseInside(source, target);
        others.move(source, target, options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        refuseInside(source, target);
        others.copy(source, target, options);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        refuseInside(link, existing);
        others.createLink(link, existing);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        refuseInside(link);
        others.createSymbolicLink(link, target, attrs);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        if (cached(link) != null) {
            throw new AccessDeniedException(link.toString(), null, "the bytecode cache holds no links");
        }
        return others.readSymbolicLink(link);
    }

    @Override
    public void setCurrentWorkingDirectory(Path directory) {
        others.setCurrentWorkingDirectory(directory);
    }

    @Override
    public String getSeparator() {
        return others.getSeparator();
    }

    @Override
    public String getPathSeparator() {
        return others.getPathSeparator();
    }

    @Override
    public String getMimeType(Path path) {
        return others.getMimeType(path);
    }

    @Override
    public java.nio.charset.Charset getEncoding(Path path) {
        return others.getEncoding(path);
    }

    @Override
    public Path getTempDirectory() {
        return others.getTempDirectory();
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        if (cached(path1) != null || cached(path2) != null) {
            return toAbsolutePath(path1).normalize().equals(toAbsolutePath(path2).normalize());
        }
        return others.isSameFile(path1, path2, options);
    }
}
