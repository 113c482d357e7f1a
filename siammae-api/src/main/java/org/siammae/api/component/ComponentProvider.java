package org.siammae.api.component;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Creates one named component from its options; what a plugin binds under a name.
 *
 * <p>The options object is a plain class whose {@link org.siammae.api.config.Tunable} fields hold
 * the defaults. The registry makes a fresh one, sets it from the descriptor and passes it to the
 * factory, so a provider never parses YAML itself.
 *
 * @param <T> the component interface
 */
public final class ComponentProvider<T> {

    private final String description;
    private final Supplier<?> options;
    private final BiFunction<Object, ComponentContext, ? extends T> factory;

    private ComponentProvider(
            String description,
            Supplier<?> options,
            BiFunction<Object, ComponentContext, ? extends T> factory) {
        this.description = Objects.requireNonNull(description, "description");
        this.options = Objects.requireNonNull(options, "options");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Creates a provider.
     *
     * @param description one sentence on what the component does, shown by {@code siammae
     *     components}
     * @param options makes a fresh options object holding the defaults
     * @param factory builds the component from bound options and the context
     * @param <T> the component interface
     * @param <O> the options type
     */
    @SuppressWarnings("unchecked")
    public static <T, O> ComponentProvider<T> of(
            String description,
            Supplier<O> options,
            BiFunction<O, ComponentContext, ? extends T> factory) {
        BiFunction<Object, ComponentContext, ? extends T> erased =
                (o, context) -> factory.apply((O) o, context);
        return new ComponentProvider<>(description, options, erased);
    }

    /** Returns what the component does, in one sentence. */
    public String description() {
        return description;
    }

    /** Returns a fresh options object holding the defaults. */
    public Object newOptions() {
        return options.get();
    }

    /**
     * Builds the component.
     *
     * @param boundOptions an object from {@link #newOptions()}, set from the descriptor
     * @param context what the component may need from its surroundings
     */
    public T create(Object boundOptions, ComponentContext context) {
        return factory.apply(boundOptions, context);
    }
}
