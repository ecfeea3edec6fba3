package dev.pygrade.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a submission from a .py file, a folder of modules, or a .zip of one. Refuses,
 * with the reason, anything that is not UTF-8 Python text of a sane size, and never
 * follows a link or a zip path out of the submission.
 */
public final class SubmissionReader {
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    public static final int MAX_TOTAL_BYTES = 4 * 1024 * 1024;
    private static final int MAX_FILES = 200;

    private SubmissionReader() {
    }

    /** Reads {@code path} as the answer whose top-level module is {@code module}. */
    public static Submission read(Path path, String module) throws SubmissionException {
        String label = path.toString();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new SubmissionException(label, "no such file or folder");
        }
        if (Files.isSymbolicLink(path)) {
            throw new SubmissionException(label, "is a symbolic link; give the file itself");
        }
        if (Files.isDirectory(path)) {
            return fromFolder(path, module);
        }
        if (label.endsWith(".zip")) {
            return fromZip(path, module);
        }
        byte[] bytes = readCapped(path, label);
        return Submission.ofSource(path.getFileName().toString(), module, decode(bytes, label));
    }

    /** One file's bytes as the answer whose top-level module is {@code module} (the HTTP API). */
    public static Submission fromBytes(String label, byte[] bytes, String module) throws SubmissionException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new SubmissionException(label, tooLarge());
        }
        return Submission.ofSource(label, module, decode(bytes, label));
    }

    /**
     * Reads an answer that arrived as bytes rather than files (the HTTP API): {@code files} maps
     * each relative path ("solution.py", "geometry/shapes.py") to its content. The same checks
     * apply as to files on disk: names that stay inside the submission, sizes, strict UTF-8.
     */
    public static Submission fromMemory(String label, Map<String, byte[]> files, String module)
            throws SubmissionException {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (var entry : files.entrySet()) {
            String name = entry.getKey();
            if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                    || List.of(name.split("/")).stream().anyMatch(part -> part.isEmpty() || part.equals("..")
                            || part.equals("."))) {
                throw new SubmissionException(name, "a file name must be a relative path such as solution.py "
                        + "or geometry/shapes.py");
            }
            if (!name.endsWith(".py")) {
                throw new SubmissionException(name, "only .py files may be submitted");
            }
            if (entry.getValue().length > MAX_FILE_BYTES) {
                throw new SubmissionException(name, tooLarge());
            }
            raw.put(name, entry.getValue());
        }
        return assemble(label, label, raw, module);
    }

    private static Submission fromFolder(Path folder, String module) throws SubmissionException {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.sorted().toList();
        } catch (IOException e) {
            throw new SubmissionException(folder.toString(), "cannot list the folder: " + e.getMessage());
        }
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            if (Files.isSymbolicLink(file)) {
                throw new SubmissionException(file.toString(), "is a symbolic link; a submission holds only its own files");
            }
            if (relative.isEmpty() || Files.isDirectory(file) || !relative.endsWith(".py")
                    || relative.contains("__pycache__")) {
                continue;
            }
            raw.put(relative, readCapped(file, file.toString()));
        }
        return assemble(folder.toString(), folder.getFileName().toString(), raw, module);
    }

    private static Submission fromZip(Path zip, String module) throws SubmissionException {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        long total = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || !name.endsWith(".py") || name.contains("__pycache__")
                        || name.startsWith("__MACOSX/")) {
                    continue;
                }
                if (name.startsWith("/") || List.of(name.split("/")).contains("..")) {
                    throw new SubmissionException(zip + "!" + name, "a zip entry may not leave the submission");
                }
                byte[] bytes = entries.readNBytes(MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw new SubmissionException(zip + "!" + name, tooLarge());
                }
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new SubmissionException(zip.toString(), "the submission is larger than "
                            + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB in all");
                }
                raw.put(name, bytes);
            }
        } catch (IOException e) {
            throw new SubmissionException(zip.toString(), "not a readable zip file: " + e.getMessage());
        }
        String base = zip.getFileName().toString();
        return assemble(zip.toString(), base, stripCommonFolder(raw, module), module);
    }

    /** A zip of "answer/geometry/__init__.py" is read as "geometry/__init__.py". */
    private static Map<String, byte[]> stripCommonFolder(Map<String, byte[]> raw, String module) {
        if (raw.keySet().stream().anyMatch(n -> n.equals(module + ".py") || n.startsWith(module + "/"))) {
            return raw;
        }
        String first = raw.keySet().stream().findFirst().orElse("");
        int slash = first.indexOf('/');
        if (slash < 0) {
            return raw;
        }
        String prefix = first.substring(0, slash + 1);
        if (!raw.keySet().stream().allMatch(n -> n.startsWith(prefix))) {
            return raw;
        }
        Map<String, byte[]> stripped = new LinkedHashMap<>();
        raw.forEach((name, bytes) -> stripped.put(name.substring(prefix.length()), bytes));
        return stripped;
    }

    private static Submission assemble(String label, String base, Map<String, byte[]> raw, String module)
            throws SubmissionException {
        if (raw.isEmpty()) {
            throw new SubmissionException(label, "holds no .py file");
        }
        if (raw.size() > MAX_FILES) {
            throw new SubmissionException(label, "holds more than " + MAX_FILES + " Python files");
        }
        long total = raw.values().stream().mapToLong(b -> b.length).sum();
        if (total > MAX_TOTAL_BYTES) {
            throw new SubmissionException(label, "the submission is larger than "
                    + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB in all");
        }
        boolean hasModule = raw.containsKey(module + ".py") || raw.containsKey(module + "/__init__.py");
        String prefix = "";
        if (!hasModule) {
            if (raw.containsKey("__init__.py")) {
                prefix = module + "/";  // the folder given is the package itself
            } else {
                throw new SubmissionException(label, "needs " + module + ".py or a package " + module
                        + "/__init__.py; found " + String.join(", ", raw.keySet()));
            }
        }
        Map<String, Submission.SourceFile> files = new LinkedHashMap<>();
        for (var entry : raw.entrySet()) {
            String display = base + "/" + entry.getKey();
            files.put(prefix + entry.getKey(), new Submission.SourceFile(display, decode(entry.getValue(), display)));
        }
        return new Submission(label, files);
    }

    private static byte[] readCapped(Path file, String label) throws SubmissionException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SubmissionException(label, tooLarge());
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SubmissionException(label, "cannot read: " + e.getMessage());
        }
    }

    private static String tooLarge() {
        return "the file is larger than " + MAX_FILE_BYTES / 1024 + " KiB; a solution is much smaller";
    }

    /** Strict UTF-8: a wrong byte is reported with its line, never replaced. */
    static String decode(byte[] bytes, String label) throws SubmissionException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new SubmissionException(label, "is a binary file (NUL byte on line " + lineAt(bytes, i)
                        + "), not Python source");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes);
            throw new SubmissionException(label, String.format(
                    "is not UTF-8 text (invalid byte 0x%02x on line %d); save it as UTF-8", bytes[offset] & 0xff,
                    lineAt(bytes, offset)));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new SubmissionException(label, "is empty; write your solution in it");
        }
        return text;
    }

    /** Where the decoder's complaint starts: the first byte that opens no valid sequence. */
    private static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xff;
            int continuation = lead < 0x80 ? 0 : lead >= 0xC2 && lead <= 0xDF ? 1
                    : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
            if (continuation < 0) {
                return i;
            }
            for (int k = 1; k <= continuation; k++) {
                if (i + k >= bytes.length || (bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += continuation + 1;
        }
        return 0;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
