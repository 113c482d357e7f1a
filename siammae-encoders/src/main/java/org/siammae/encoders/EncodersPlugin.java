package org.siammae.encoders;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.Registrations;
import org.siammae.api.component.SiamMaePlugin;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.ModelGeometry;

/** Registers the {@code siamese} and {@code joint} encoders. */
public final class EncodersPlugin extends AbstractModule implements SiamMaePlugin {

    @Override
    protected void configure() {
        MapBinder<String, ComponentProvider<Encoder>> encoders =
                Registrations.of(binder(), ComponentKind.ENCODER);
        encoders.addBinding("siamese")
                .toInstance(
                        ComponentProvider.of(
                                "one ViT with shared weights encodes each frame on its own (SiamMAE)",
                                VitOptions::new,
                                (options, context) ->
                                        new SiameseEncoder(
                                                context.require(ModelGeometry.class), options)));
        encoders.addBinding("joint")
                .toInstance(
                        ComponentProvider.of(
                                "one ViT encodes the visible patches of all frames as one sequence"
                                        + " (FrameMAE ablation)",
                                JointEncoderOptions::new,
                                (options, context) ->
                                        new JointEncoder(
                                                context.require(ModelGeometry.class), options)));
    }
}
