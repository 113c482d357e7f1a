package org.siammae.data.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.siammae.data.index.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the files under a folder whose extension matches. It follows symbolic links and skips
 * hidden files and folders. Folders that cannot be read are logged and skipped.
 */
final class FileWalker {

    private static final Logger LOG = LoggerFactory.getLogger(FileWalker.class);
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private FileWalker() {}

    /**
     * Lists matching files.
     *
     * @param root the folder
     * @param extensions lower-case extensions without the dot
     * @return one candidate per file, with its path relative to {@code root}
     * @throws IOException if {@code root} is not a readable folder
     */
    static List<Candidate> files(Path root, Set<String> extensions) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("data folder " + root + " does not exist or is not a folder");
        }
        List<Candidate> found = new ArrayList<>();
        long start = System.nanoTime();
        long[] lastLog = {start};
        Files.walkFileTree(
                root,
                EnumSet.of(FileVisitOption.FOLLOW_LINKS),
                Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return !dir.equals(root) && hidden(dir)
                                ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() && !hidden(file) && matches(file, extensions)) {
                            found.add(
                                    new Candidate(
                                            relative(root, file),
                                            file,
                                            attributes.size(),
                                            attributes.lastModifiedTime().toMillis()));
                            long now = System.nanoTime();
                            if (now - lastLog[0] > LOG_INTERVAL_NANOS) {
                                lastLog[0] = now;
                                LOG.info("Listing {}: {} files so far", root, found.size());
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (file.equals(root)) {
                            return FileVisitResult.TERMINATE;
                        }
                        String reason =
                                e instanceof FileSystemLoopException ? "a symbolic link loop" : e.toString();
                        LOG.warn("Skipping {}: cannot read it ({})", file, reason);
                        return FileVisitResult.CONTINUE;
                    }
                });
        return found;
    }

    /** Returns whether a file name ends with one of the extensions, ignoring case. */
    static boolean matches(Path file, Set<String> extensions) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Returns {@code file} relative to {@code root} with {@code /} separators. */
    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
