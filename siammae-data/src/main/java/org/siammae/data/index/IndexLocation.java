package org.siammae.data.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The paths of one source's index and skipped-clip list. They are next to the data when its folder
 * is writable, otherwise in the cache folder under a name made from the data path.
 *
 * @param indexFile the clip index
 * @param skippedFile the list of skipped clips
 */
public record IndexLocation(Path indexFile, Path skippedFile) {

    /**
     * Resolves the location for a data folder or a list file.
     *
     * @param data the data folder, or the list file of a list source
     * @param kind a short word for the source kind, such as {@code video}, in the file names
     * @param settings the cache folder
     */
    public static IndexLocation resolve(Path data, String kind, IndexSettings settings) {
        Path absolute = data.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute) && isWritableFolder(absolute)) {
            return new IndexLocation(
                    absolute.resolve("siammae-" + kind + "-index.csv"),
                    absolute.resolve("siammae-" + kind + "-skipped.csv"));
        }
        Path parent = absolute.getParent();
        if (Files.isRegularFile(absolute) && parent != null && isWritableFolder(parent)) {
            String name = absolute.getFileName().toString();
            return new IndexLocation(
                    parent.resolve(name + ".siammae-" + kind + "-index.csv"),
                    parent.resolve(name + ".siammae-" + kind + "-skipped.csv"));
        }
        return inCache(absolute, kind, settings);
    }

    /**
     * Returns the location in the cache folder, keyed by the data path.
     *
     * @param data the absolute data folder or list file
     * @param kind the source kind
     * @param settings the cache folder
     */
    public static IndexLocation inCache(Path data, String kind, IndexSettings settings) {
        Path name = data.getFileName();
        String stem = (name == null ? "root" : name.toString()).replaceAll("[^A-Za-z0-9._-]", "_");
        String key = stem + "-" + shortHash(data.toString()) + "-" + kind;
        Path folder = settings.cacheDirectory();
        return new IndexLocation(
                folder.resolve(key + "-index.csv"), folder.resolve(key + "-skipped.csv"));
    }

    /**
     * Returns whether files may be created in a folder.
     *
     * <p>{@link Files#isWritable} is true for the root user on every folder of a writable file
     * system. A folder whose permission bits grant no write access to anyone therefore counts as
     * read-only too, because its owner marked it so.
     */
    static boolean isWritableFolder(Path folder) {
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            return permissions.contains(PosixFilePermission.OWNER_WRITE)
                    || permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true; // no POSIX permissions to consult: trust isWritable
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
