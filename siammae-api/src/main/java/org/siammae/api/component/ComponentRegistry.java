package org.siammae.api.component;

import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigProblem;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up components by kind and name and builds them from descriptor options.
 *
 * <p>Use {@link #discover()} to load every {@link SiamMaePlugin} on the class path, or {@link
 * #of(Module...)} to build a registry from explicit modules (tests).
 */
public final class ComponentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentRegistry.class);

    private final Injector injector;

    @Inject
    ComponentRegistry(Injector injector) {
        this.injector = injector;
    }

    /** Creates a registry from every {@link SiamMaePlugin} that {@link ServiceLoader} finds. */
    public static ComponentRegistry discover() {
        List<Module> modules = new ArrayList<>();
        for (SiamMaePlugin plugin : ServiceLoader.load(SiamMaePlugin.class)) {
            LOG.debug("Loaded component plugin {}", plugin.getClass().getName());
            modules.add(plugin);
        }
        return of(modules.toArray(Module[]::new));
    }

    /**
     * Creates a registry from explicit modules.
     *
     * @param modules plugin modules
     */
    public static ComponentRegistry of(Module... modules) {
        List<Module> all = new ArrayList<>(List.of(modules));
        all.add(
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        // Declares the set even when no plugin registers anything.
                        Multibinder.newSetBinder(binder(), Registrations.KIND_TYPE);
                    }
                });
        return Guice.createInjector(all).getInstance(ComponentRegistry.class);
    }

    /** Returns every kind that has at least one registered component, sorted by name. */
    public List<ComponentKind<?>> kinds() {
        @SuppressWarnings("unchecked")
        Key<Set<ComponentKind<?>>> key =
                (Key<Set<ComponentKind<?>>>) Key.get(Types.setOf(Registrations.KIND_TYPE.getType()));
        List<ComponentKind<?>> kinds = new ArrayList<>(injector.getInstance(key));
        kinds.sort(Comparator.comparing(ComponentKind::name));
        return kinds;
    }

    /**
     * Returns the providers of a kind by name, sorted; empty if none is registered.
     *
     * @param kind the component kind
     * @param <T> the component interface
     */
    public <T> Map<String, ComponentProvider<T>> providers(ComponentKind<T> kind) {
        Binding<Map<String, ComponentProvider<T>>> binding =
                injector.getExistingBinding(kind.mapKey());
        if (binding == null) {
            return Map.of();
        }
        return new TreeMap<>(binding.getProvider().get());
    }

    /**
     * Returns the provider registered under a name.
     *
     * @param kind the component kind
     * @param spec the component as the descriptor names it
     * @param <T> the component interface
     * @throws ConfigException naming the registered components if the name is unknown
     */
    public <T> ComponentProvider<T> provider(ComponentKind<T> kind, ComponentSpec spec) {
        Map<String, ComponentProvider<T>> providers = providers(kind);
        ComponentProvider<T> provider = providers.get(spec.name());
        if (provider == null) {
            String closest = OptionsBinder.closest(spec.name(), providers.keySet());
            String message =
                    "unknown "
                            + kind.name()
                            + " '"
                            + spec.name()
                            + "'"
                            + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                            + "; registered "
                            + kind.name()
                            + " components: "
                            + (providers.isEmpty() ? "none" : String.join(", ", providers.keySet()));
            // The name may sit on its own line ({name: x} or an override of x.name): point there.
            String nameKey = spec.keyPath() + "." + ComponentSpec.NAME_KEY;
            throw new ConfigException(
                    new ConfigProblem(
                            spec.location().fileOf(nameKey), spec.location().lineOf(nameKey), spec.keyPath(), message));
        }
        return provider;
    }

    /**
     * Checks a component's name and options without building it, adding every problem found.
     *
     * @param kind the component kind
     * @param spec the component as the descriptor names it
     * @param problems a collector without key prefix; problems get the spec's full key path
     * @return the bound options, or null if the name is unknown
     */
    public Object check(ComponentKind<?> kind, ComponentSpec spec, ConfigProblems problems) {
        ComponentProvider<?> provider;
        try {
            provider = provider(kind, spec);
        } catch (ConfigException e) {
            e.problems().forEach(problems::add);
            return null;
        }
        Object options =
                OptionsBinder.bind(spec.options(), provider.newOptions(), problems.under(spec.keyPath()));
        for (OptionsBinder.NestedComponent nested : OptionsBinder.nestedComponents(options)) {
            kinds().stream()
                    .filter(k -> k.name().equals(nested.kind()))
                    .findFirst()
                    .ifPresent(nestedKind -> check(nestedKind, nested.spec(), problems));
        }
        return options;
    }

    /**
     * Builds a component from its descriptor entry.
     *
     * @param kind the component kind
     * @param spec the component as the descriptor names it
     * @param context what the component may need
     * @param <T> the component interface
     * @throws ConfigException listing every problem of the name and options
     */
    public <T> T create(ComponentKind<T> kind, ComponentSpec spec, ComponentContext context) {
        ComponentProvider<T> provider = provider(kind, spec);
        Object options = bindOptions(provider, spec);
        return provider.create(options, context);
    }

    /**
     * Returns a provider's options set from a spec.
     *
     * @param provider the provider the spec names
     * @param spec the component as the descriptor names it
     * @throws ConfigException listing every problem of the options
     */
    public static Object bindOptions(ComponentProvider<?> provider, ComponentSpec spec) {
        ConfigProblems problems = new ConfigProblems(spec.location());
        Object options =
                OptionsBinder.bind(spec.options(), provider.newOptions(), problems.under(spec.keyPath()));
        problems.throwIfAny();
        return options;
    }
}
