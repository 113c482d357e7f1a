package org.siammae.eval.io;

import java.nio.file.Path;
import java.util.List;
import org.siammae.api.config.OptionsBinder;

/** Checks the names an evaluation is restricted to (sequences, clips, videos) against a dataset. */
public final class Selection {

    private Selection() {}

    /** Thrown for a requested name the dataset lacks; it names the option that listed it. */
    public static final class UnknownNameException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String optionKey;

        UnknownNameException(String optionKey, String message) {
            super(message);
            this.optionKey = optionKey;
        }

        /** Returns the option that requested the name, such as {@code sequences}. */
        public String optionKey() {
            return optionKey;
        }
    }

    /**
     * Throws for the first requested name the dataset lacks, with the closest existing name and
     * the full list.
     *
     * @param kind what a name denotes, such as {@code sequence}
     * @param optionKey the option that lists the names, such as {@code sequences}
     * @param requested the names to evaluate; empty means all
     * @param available the names the dataset has
     * @param root the dataset folder, for the message
     * @throws UnknownNameException if a requested name is not available
     */
    public static void requireAvailable(
            String kind, String optionKey, List<String> requested, List<String> available, Path root) {
        for (String name : requested) {
            if (!available.contains(name)) {
                String closest = OptionsBinder.closest(name, available);
                throw new UnknownNameException(optionKey, kind + " '" + name + "' is not in " + root
                        + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                        + "; available: " + String.join(", ", available));
            }
        }
    }
}
