package org.siammae.api.config;

/**
 * Maps a dotted key path of a descriptor to the file and line it came from, so that errors can
 * point at the line to edit.
 */
public interface ConfigLocation {

    /** Returns the name of the file the keys were read from (the top file of a chain). */
    String file();

    /**
     * Returns the file a key came from; differs from {@link #file()} when a descriptor inherits
     * keys from a base file or a key was set on the command line.
     *
     * @param keyPath the dotted key path
     */
    default String fileOf(String keyPath) {
        return file();
    }

    /**
     * Returns the 1-based line of a key, or 0 when unknown.
     *
     * @param keyPath the dotted key path, for example {@code model.encoder.depth}
     */
    int lineOf(String keyPath);

    /**
     * Creates a problem located at a key.
     *
     * @param keyPath the dotted key path
     * @param message what is wrong
     */
    default ConfigProblem problem(String keyPath, String message) {
        return new ConfigProblem(fileOf(keyPath), lineOf(keyPath), keyPath, message);
    }

    /**
     * Returns a location without line information.
     *
     * @param file the file name or a label such as {@code <command line>}
     */
    static ConfigLocation of(String file) {
        return new ConfigLocation() {
            @Override
            public String file() {
                return file;
            }

            @Override
            public int lineOf(String keyPath) {
                return 0;
            }
        };
    }
}
