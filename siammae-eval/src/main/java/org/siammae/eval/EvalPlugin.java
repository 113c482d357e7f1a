package org.siammae.eval;

import com.google.inject.AbstractModule;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.Registrations;
import org.siammae.api.component.SiamMaePlugin;
import org.siammae.eval.propagation.PropagationOptions;
import org.siammae.eval.propagation.PropagationSettings;

/** Registers the built-in label propagation protocols. */
public final class EvalPlugin extends AbstractModule implements SiamMaePlugin {

    @Override
    protected void configure() {
        var propagation = Registrations.of(binder(), EvalKinds.PROPAGATION);
        propagation
                .addBinding("siammae")
                .toInstance(
                        provider(
                                "SiamMAE protocol: top-7, temperature 0.7, first + 20 previous frames,"
                                        + " circle of radius 20, DAVIS at 480 x 880",
                                PropagationOptions::siammae));
        propagation
                .addBinding("dino")
                .toInstance(
                        provider(
                                "DINO protocol: top-5, temperature 0.1, first + 7 previous frames,"
                                        + " square window of 12 on every frame, short side 480",
                                PropagationOptions::dino));
        propagation
                .addBinding("crw")
                .toInstance(
                        provider(
                                "CRW protocol: top-10, temperature 0.05, 20 previous frames padded with"
                                        + " the first, circle of radius 12, native size",
                                PropagationOptions::crw));
    }

    private static ComponentProvider<PropagationSettings> provider(
            String description, java.util.function.Supplier<PropagationOptions> defaults) {
        return ComponentProvider.of(
                description, defaults, (options, context) -> options.toSettings());
    }
}
