package org.siammae.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data that Surefire names in {@code siammae.sharedData}. */
public final class SharedData {

    private SharedData() {}

    /**
     * Returns a folder of the shared data, skipping the calling test when it is missing.
     *
     * @param relative the folder below the shared data root, such as {@code davis2016}
     */
    public static Path require(String relative) {
        String root = System.getProperty("siammae.sharedData", "../shared/data");
        Path folder = Path.of(root).resolve(relative).normalize();
        assumeTrue(
                Files.isDirectory(folder),
                "shared data folder " + folder + " is missing; set -Dsiammae.sharedData");
        return folder;
    }
}
