package org.siammae.eval.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Prepares the folder of one evaluation run. */
public final class OutputFolder {

    private OutputFolder() {}

    /**
     * Creates a folder for new results, rejecting one that already contains files so that results
     * of an earlier run are never mixed with, or scored as, new ones.
     *
     * @param folder the folder; created with its parents when missing
     * @throws IOException if it exists and is not empty, or cannot be created
     */
    public static Path prepare(Path folder) throws IOException {
        requireUsable(folder);
        return Files.createDirectories(folder);
    }

    /**
     * Rejects a folder that already contains files, without creating anything, so that a command
     * can fail before its work rather than after it.
     *
     * @param folder the folder for new results
     * @throws IOException if it exists and is not empty, or cannot be listed
     */
    public static void requireUsable(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> children = Files.list(folder)) {
                if (children.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(
                            folder.toString(),
                            null,
                            "output folder is not empty; choose a new folder so old results are not"
                                    + " mixed with new ones");
                }
            }
        }
    }
}
