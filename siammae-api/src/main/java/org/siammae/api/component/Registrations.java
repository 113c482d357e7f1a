package org.siammae.api.component;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;

/** Opens the {@code MapBinder} of a component kind, the one way plugins register components. */
public final class Registrations {

    /** Guice type of the set of kinds that have at least one registered component. */
    static final TypeLiteral<ComponentKind<?>> KIND_TYPE = new TypeLiteral<>() {};

    private Registrations() {}

    /**
     * Returns the name-to-provider map binder of a kind; call {@code addBinding(name)} on it.
     *
     * @param binder the plugin's binder
     * @param kind the component kind
     * @param <T> the component interface
     */
    public static <T> MapBinder<String, ComponentProvider<T>> of(
            Binder binder, ComponentKind<T> kind) {
        Multibinder<ComponentKind<?>> kinds = Multibinder.newSetBinder(binder, KIND_TYPE);
        kinds.permitDuplicates();
        kinds.addBinding().toInstance(kind);
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), kind.providerType());
    }
}
