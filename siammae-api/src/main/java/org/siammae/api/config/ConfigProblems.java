package org.siammae.api.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one descriptor so that a user sees all of them in one run.
 *
 * <p>Components' options classes receive it in {@link ValidatedOptions#validate} with the key
 * prefix of the component already applied.
 */
public final class ConfigProblems {

    private final ConfigLocation location;
    private final String prefix;
    private final List<ConfigProblem> sink;

    /**
     * Creates an empty collector.
     *
     * @param location where the keys came from
     */
    public ConfigProblems(ConfigLocation location) {
        this(location, "", new ArrayList<>());
    }

    private ConfigProblems(ConfigLocation location, String prefix, List<ConfigProblem> sink) {
        this.location = location;
        this.prefix = prefix;
        this.sink = sink;
    }

    /**
     * Returns a view that prepends a key prefix and adds to the same list.
     *
     * @param keyPrefix the dotted prefix, for example {@code model.encoder}
     */
    public ConfigProblems under(String keyPrefix) {
        return new ConfigProblems(location, join(prefix, keyPrefix), sink);
    }

    /**
     * Records a problem at a key relative to this view's prefix.
     *
     * @param key the key, relative to the prefix; empty for the prefix itself
     * @param message what is wrong and what to do
     */
    public void add(String key, String message) {
        sink.add(location.problem(join(prefix, key), message));
    }

    /**
     * Records a problem whose file, line and key are already resolved.
     *
     * @param problem the problem
     */
    public void add(ConfigProblem problem) {
        sink.add(problem);
    }

    /** Returns the location the keys came from. */
    public ConfigLocation location() {
        return location;
    }

    /**
     * Returns the full dotted path of a key relative to this view.
     *
     * @param key the relative key
     */
    public String path(String key) {
        return join(prefix, key);
    }

    /** Returns whether any problem has been recorded (through any view). */
    public boolean isEmpty() {
        return sink.isEmpty();
    }

    /** Returns the problems recorded so far. */
    public List<ConfigProblem> list() {
        return List.copyOf(sink);
    }

    /**
     * Throws a {@link ConfigException} that lists every recorded problem, if there is any.
     *
     * @throws ConfigException when at least one problem has been recorded
     */
    public void throwIfAny() {
        if (!sink.isEmpty()) {
            throw new ConfigException(sink);
        }
    }

    static String join(String prefix, String key) {
        if (prefix == null || prefix.isEmpty()) {
            return key == null ? "" : key;
        }
        if (key == null || key.isEmpty()) {
            return prefix;
        }
        return prefix + "." + key;
    }
}
