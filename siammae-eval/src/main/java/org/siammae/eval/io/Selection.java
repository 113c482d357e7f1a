package org.siammae.eval.io;

import java.nio.file.Path;
import java.util.List;
import org.siammae.api.config.OptionsBinder;

/** Checks the names an evaluation is restricted to (sequences, clips, videos) against a dataset. */
public final class Selection {

    private Selection() {}

    /**
     * Throws for the first requested name the dataset lacks, with the closest existing name and
     * the full list.
     *
     * @param kind what a name denotes, such as {@code sequence}
     * @param requested the names to evaluate; empty means all
     * @param available the names the dataset has
     * @param root the dataset folder, for the message
     * @throws IllegalArgumentException if a requested name is not available
     */
    public static void requireAvailable(String kind, List<String> requested, List<String> available, Path root) {
        for (String name : requested) {
            if (!available.contains(name)) {
                String closest = OptionsBinder.closest(name, available);
                throw new IllegalArgumentException(kind + " '" + name + "' is not in " + root
                        + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                        + "; available: " + String.join(", ", available));
            }
        }
    }
}
