package org.siammae.data.index;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The cache folder for clip indexes that cannot be stored next to the data. Indexing sources read
 * it as a typed value of the {@link org.siammae.api.component.ComponentContext}.
 *
 * @param cacheDirectory the folder for indexes and skipped-clip lists of folders that are not
 *     writable
 */
public record IndexSettings(Path cacheDirectory) {

    public IndexSettings {
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    }

    /** Returns the default: {@code ~/.cache/siammae/index}. */
    public static IndexSettings defaults() {
        return new IndexSettings(defaultCacheDirectory());
    }

    /** Returns {@code ~/.cache/siammae/index}. */
    public static Path defaultCacheDirectory() {
        return Path.of(System.getProperty("user.home"), ".cache", "siammae", "index");
    }
}
