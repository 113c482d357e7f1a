package org.siammae.api.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files through a temporary sibling that is moved into place once complete, so a reader
 * never sees a half-written file and a failed write leaves the old file as it was.
 *
 * <p>The file gets mode {@code rw-r--r--} where the file system supports POSIX permissions:
 * {@link Files#createTempFile} would otherwise leave results readable by their owner only, which
 * hides them from colleagues on a shared cluster file system.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream of the temporary file
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file: the content goes to a temporary file in the same folder, which then replaces
     * {@code file}. On failure the temporary file is deleted and {@code file} is left as it was.
     *
     * @param file the destination
     * @param content what to write
     * @throws IOException if writing or moving fails
     */
    public static void write(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            makeReadable(temporary);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try {
                Files.move(
                        temporary,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes bytes through a temporary file.
     *
     * @param file the destination
     * @param bytes the content
     * @throws IOException if writing fails
     */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    private static void makeReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the platform's default permissions apply.
        }
    }

    /**
     * Writes a UTF-8 text file through a temporary file.
     *
     * @param file the destination
     * @param text the content
     * @throws IOException if writing fails
     */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
