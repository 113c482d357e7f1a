package org.siammae.decoders;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.Registrations;
import org.siammae.api.component.SiamMaePlugin;
import org.siammae.api.model.Decoder;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.ReconstructionLoss;

/**
 * Registers the decoders ({@code cross-self}, {@code cross}, {@code joint}) and the losses ({@code
 * norm-pixel-mse}, {@code pixel-mse}). Decoders read the encoder from their context for its width.
 */
public final class DecodersPlugin extends AbstractModule implements SiamMaePlugin {

    @Override
    protected void configure() {
        MapBinder<String, ComponentProvider<Decoder>> decoders =
                Registrations.of(binder(), ComponentKind.DECODER);
        decoders.addBinding("cross-self")
                .toInstance(
                        ComponentProvider.of(
                                "blocks of cross-attention to the context frames, self-attention"
                                        + " and MLP (SiamMAE default)",
                                DecoderOptions::new,
                                (options, context) ->
                                        new CrossAttentionDecoder(
                                                geometry(context), encoderWidth(context), options, true)));
        decoders.addBinding("cross")
                .toInstance(
                        ComponentProvider.of(
                                "blocks of cross-attention to the context frames and MLP",
                                DecoderOptions::new,
                                (options, context) ->
                                        new CrossAttentionDecoder(
                                                geometry(context), encoderWidth(context), options, false)));
        decoders.addBinding("joint")
                .toInstance(
                        ComponentProvider.of(
                                "self-attention blocks over the tokens of all frames together",
                                JointDecoderOptions::new,
                                (options, context) ->
                                        new JointDecoder(geometry(context), encoderWidth(context), options)));

        MapBinder<String, ComponentProvider<ReconstructionLoss>> losses =
                Registrations.of(binder(), ComponentKind.LOSS);
        losses.addBinding("norm-pixel-mse")
                .toInstance(
                        ComponentProvider.of(
                                "MSE on hidden target patches against per-patch normalised pixels"
                                        + " (MAE, SiamMAE)",
                                PatchMseLoss.Options::new,
                                (options, context) -> new PatchMseLoss(options)));
        losses.addBinding("pixel-mse")
                .toInstance(
                        ComponentProvider.of(
                                "MSE on hidden target patches against the input pixels",
                                PatchMseLoss.PixelOptions::new,
                                (options, context) -> new PatchMseLoss(options)));
    }

    private static ModelGeometry geometry(ComponentContext context) {
        return context.require(ModelGeometry.class);
    }

    private static int encoderWidth(ComponentContext context) {
        return context.require(Encoder.class).width();
    }
}
