package org.siammae.experiments.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.siammae.api.io.AtomicFiles;

/**
 * A run's output folder. A new run always gets a fresh folder ({@code <root>/<name>-<yyyyMMdd-
 * HHmmss>}, with {@code -2}, {@code -3}... when taken), so no run overwrites another; files are
 * written to a temporary name and moved into place.
 */
public final class RunFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;

    private RunFolder(Path path) {
        this.path = path;
    }

    /**
     * Creates a fresh folder for a run.
     *
     * @param root the folder that contains runs
     * @param name the run name
     * @throws IOException if the folder cannot be created
     */
    public static RunFolder create(Path root, String name) throws IOException {
        Files.createDirectories(root);
        String base = sanitize(name) + "-" + LocalDateTime.now().format(STAMP);
        for (int attempt = 1; ; attempt++) {
            Path candidate = root.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                return new RunFolder(Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException e) {
                // Taken by an earlier run started in the same second; try the next suffix.
            }
        }
    }

    /**
     * Opens an existing run folder (to resume or to report on it).
     *
     * @param path the folder
     * @throws IOException if it is not a folder
     */
    public static RunFolder open(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString(), null, "run folder not found");
        }
        return new RunFolder(path);
    }

    /** Returns the folder. */
    public Path path() {
        return path;
    }

    /**
     * Returns a path inside the folder.
     *
     * @param name a relative name
     */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    /**
     * Writes a text file atomically: a temporary file in the same folder, then a move.
     *
     * @param name the file name inside the run folder
     * @param text the content
     * @throws IOException if writing fails
     */
    public Path writeText(String name, String text) throws IOException {
        return writeAtomically(path.resolve(name), text);
    }

    /**
     * Writes a text file atomically anywhere.
     *
     * @param file the destination
     * @param text the content
     * @throws IOException if writing fails
     */
    public static Path writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
        return file;
    }

    /**
     * Deletes the folder if nothing was written into it.
     *
     * @return whether the folder was deleted
     * @throws IOException if the folder cannot be listed or deleted
     */
    public boolean deleteIfEmpty() throws IOException {
        return deleteIfEmpty(path);
    }

    /**
     * Deletes a folder if it exists and nothing was written into it.
     *
     * @param folder the folder
     * @return whether the folder was deleted
     * @throws IOException if the folder cannot be listed or deleted
     */
    public static boolean deleteIfEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                return false;
            }
        }
        Files.delete(folder);
        return true;
    }

    private static String sanitize(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return cleaned.isEmpty() ? "run" : cleaned;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
