package org.siammae.masking;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.component.Registrations;
import org.siammae.api.component.SiamMaePlugin;
import org.siammae.api.masking.MaskPattern;
import org.siammae.api.masking.MaskPolicy;

/**
 * Registers the mask patterns ({@code random}, {@code grid}) and the masking policies ({@code
 * symmetric}, {@code asymmetric}).
 */
public final class MaskingPlugin extends AbstractModule implements SiamMaePlugin {

    /** Options of a pattern: none. */
    public static final class NoOptions {}

    @Override
    protected void configure() {
        MapBinder<String, ComponentProvider<MaskPattern>> patterns =
                Registrations.of(binder(), ComponentKind.MASK_PATTERN);
        patterns.addBinding("random")
                .toInstance(
                        ComponentProvider.of(
                                "uniformly random visible patches (MAE's noise sort)",
                                NoOptions::new,
                                (options, context) -> new RandomPattern()));
        patterns.addBinding("grid")
                .toInstance(
                        ComponentProvider.of(
                                "visible patches on a regular lattice with a random offset",
                                NoOptions::new,
                                (options, context) -> new GridPattern()));

        MapBinder<String, ComponentProvider<MaskPolicy>> policies =
                Registrations.of(binder(), ComponentKind.MASK_POLICY);
        policies.addBinding("symmetric")
                .toInstance(
                        ComponentProvider.of(
                                "the same masking ratio on every frame",
                                SymmetricMasking.Options::new,
                                (options, context) ->
                                        new SymmetricMasking(pattern(options.pattern, context), options)));
        policies.addBinding("asymmetric")
                .toInstance(
                        ComponentProvider.of(
                                "one ratio for context frames (default 0) and one for the target"
                                        + " (default 0.95)",
                                AsymmetricMasking.Options::new,
                                (options, context) ->
                                        new AsymmetricMasking(pattern(options.pattern, context), options)));
    }

    private static MaskPattern pattern(ComponentSpec spec, ComponentContext context) {
        return context.registry().create(ComponentKind.MASK_PATTERN, spec, context);
    }
}
