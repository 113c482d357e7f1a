package org.siammae.api.component;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.siammae.api.random.RunRandom;

/**
 * What a component may need from its surroundings when it is built: the registry (to build its
 * own sub-components), the run's random streams, the folder relative paths resolve against, and
 * typed values such as the {@link org.siammae.api.model.ModelGeometry}.
 */
public final class ComponentContext {

    private final ComponentRegistry registry;
    private final RunRandom random;
    private final Path baseDirectory;
    private final Map<Class<?>, Object> values;

    private ComponentContext(
            ComponentRegistry registry,
            RunRandom random,
            Path baseDirectory,
            Map<Class<?>, Object> values) {
        this.registry = registry;
        this.random = random;
        this.baseDirectory = baseDirectory;
        this.values = values;
    }

    /**
     * Creates a context with no typed values.
     *
     * @param registry the registry for sub-components
     * @param random the run's random streams
     * @param baseDirectory the folder relative paths in the descriptor resolve against
     */
    public static ComponentContext of(
            ComponentRegistry registry, RunRandom random, Path baseDirectory) {
        return new ComponentContext(
                Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(random, "random"),
                Objects.requireNonNull(baseDirectory, "baseDirectory"),
                Map.of());
    }

    /**
     * Returns a copy that also holds {@code value} under its type.
     *
     * @param type the key
     * @param value the value
     * @param <X> the value type
     */
    public <X> ComponentContext with(Class<X> type, X value) {
        Map<Class<?>, Object> copy = new HashMap<>(values);
        copy.put(type, Objects.requireNonNull(value, "value"));
        return new ComponentContext(registry, random, baseDirectory, Map.copyOf(copy));
    }

    /**
     * Returns the value held under a type.
     *
     * @param type the key
     * @param <X> the value type
     * @throws IllegalStateException if the context has no such value
     */
    public <X> X require(Class<X> type) {
        return find(type)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "this component needs a "
                                                + type.getSimpleName()
                                                + " in its context, but none was given"));
    }

    /**
     * Returns the value held under a type, if any.
     *
     * @param type the key
     * @param <X> the value type
     */
    public <X> Optional<X> find(Class<X> type) {
        return Optional.ofNullable(type.cast(values.get(type)));
    }

    /** Returns the registry, for building sub-components by name. */
    public ComponentRegistry registry() {
        return registry;
    }

    /** Returns the run's random streams. */
    public RunRandom random() {
        return random;
    }

    /** Returns the folder relative paths in the descriptor resolve against. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /**
     * Resolves a path from the descriptor against the base folder.
     *
     * @param path an absolute path, or one relative to the base folder (the working directory of
     *     the command)
     */
    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }
}
