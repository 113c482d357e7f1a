package org.siammae.experiments.descriptor;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.siammae.api.config.ConfigLocation;

/**
 * The origin of each key of a resolved descriptor: a file and line, which differ per key when a
 * descriptor extends a base file or a key was set on the command line.
 */
public final class DescriptorLocation implements ConfigLocation {

    /** The label of keys set by {@code key=value} arguments. */
    public static final String COMMAND_LINE = "<command line>";

    private record Origin(String file, int line) {}

    private final String file;
    private final Map<String, Origin> origins = new HashMap<>();

    /**
     * Creates an empty location table.
     *
     * @param file the descriptor named on the command line
     */
    public DescriptorLocation(String file) {
        this.file = file;
    }

    /**
     * Records (or replaces) the origin of a key.
     *
     * @param keyPath the dotted key path
     * @param sourceFile the file the key came from
     * @param line its 1-based line, or 0
     */
    void record(String keyPath, String sourceFile, int line) {
        origins.put(keyPath, new Origin(sourceFile, line));
    }

    /**
     * Forgets the origins of a key and everything below it (before an override replaces them).
     *
     * @param keyPath the dotted key path
     */
    void forget(String keyPath) {
        origins.keySet().removeIf(k -> within(k, keyPath));
    }

    /**
     * Moves the origins of a key and everything below it to another key (a list item that moved).
     *
     * @param from the old key path
     * @param to the new key path
     */
    void rename(String from, String to) {
        Map<String, Origin> moved = new HashMap<>();
        origins.entrySet().removeIf(entry -> {
            if (within(entry.getKey(), from)) {
                moved.put(to + entry.getKey().substring(from.length()), entry.getValue());
                return true;
            }
            return false;
        });
        origins.putAll(moved);
    }

    /** Returns an independent copy of this table. */
    DescriptorLocation copy() {
        DescriptorLocation copy = new DescriptorLocation(file);
        copy.origins.putAll(origins);
        return copy;
    }

    private static boolean within(String key, String keyPath) {
        return key.equals(keyPath) || key.startsWith(keyPath + ".") || key.startsWith(keyPath + "[");
    }

    @Override
    public String file() {
        return file;
    }

    /** Returns the files the recorded keys came from (the descriptor and its bases), sorted. */
    public SortedSet<String> sourceFiles() {
        SortedSet<String> files = new TreeSet<>();
        origins.values().stream().map(Origin::file).filter(f -> !COMMAND_LINE.equals(f)).forEach(files::add);
        return files;
    }

    @Override
    public String fileOf(String keyPath) {
        Origin origin = nearest(keyPath);
        return origin == null ? file : origin.file();
    }

    @Override
    public int lineOf(String keyPath) {
        Origin origin = nearest(keyPath);
        return origin == null ? 0 : origin.line();
    }

    /** Returns the origin of the key or of its closest recorded parent. */
    private Origin nearest(String keyPath) {
        String path = keyPath;
        while (path != null && !path.isEmpty()) {
            Origin origin = origins.get(path);
            if (origin != null) {
                return origin;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? null : path.substring(0, cut);
        }
        return null;
    }
}
