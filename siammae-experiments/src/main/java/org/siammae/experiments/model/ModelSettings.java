package org.siammae.experiments.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.masking.MaskPolicy;
import org.siammae.api.model.Decoder;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.ReconstructionLoss;
import org.siammae.api.model.SiamMae;
import org.siammae.experiments.descriptor.Sections;

/** The {@code model} section of a descriptor: frame size, patch size and the four components. */
public final class ModelSettings implements ValidatedOptions {

    /** The descriptor key of this section. */
    public static final String KEY = "model";

    @Tunable(description = "side of square training frames in pixels; a multiple of the patch size")
    Integer imageSize;

    @Tunable(description = "frame height in pixels, when frames are not square")
    Integer imageHeight;

    @Tunable(description = "frame width in pixels, when frames are not square")
    Integer imageWidth;

    @Tunable(description = "patch side in pixels (the paper uses 16 and 8)")
    int patchSize = 16;

    @Tunable(description = "colour channels of a frame")
    int channels = 3;

    @Tunable(description = "the encoder: siamese or joint", kind = "encoder")
    ComponentSpec encoder = ComponentSpec.named("siamese");

    @Tunable(description = "the decoder: cross-self, cross or joint", kind = "decoder")
    ComponentSpec decoder = ComponentSpec.named("cross-self");

    @Tunable(description = "the reconstruction loss: norm-pixel-mse or pixel-mse", kind = "loss")
    ComponentSpec loss = ComponentSpec.named("norm-pixel-mse");

    @Tunable(description = "the masking policy: asymmetric or symmetric", kind = "mask-policy")
    ComponentSpec masking = ComponentSpec.named("asymmetric");

    /**
     * Reads and checks the section, recording every problem.
     *
     * @param section the section's values
     * @param problems a collector without key prefix
     * @param registry the component registry
     */
    public static ModelSettings parse(
            Map<String, Object> section, ConfigProblems problems, ComponentRegistry registry) {
        return Sections.bind(section, new ModelSettings(), KEY, problems, registry);
    }

    @Override
    public void validate(ConfigProblems problems) {
        if (imageSize != null && (imageHeight != null || imageWidth != null)) {
            problems.add("image-size", "set either image-size or image-height and image-width, not both");
        }
        checkMultiple(problems, "image-size", height());
        checkMultiple(problems, "image-width", width());
        if (patchSize <= 0) {
            problems.add("patch-size", "must be positive, got " + patchSize);
        }
    }

    private void checkMultiple(ConfigProblems problems, String key, int value) {
        if (patchSize > 0 && (value <= 0 || value % patchSize != 0)) {
            problems.add(key, "must be a positive multiple of the patch size " + patchSize + ", got " + value);
        }
    }

    private int height() {
        return side(imageHeight);
    }

    private int width() {
        return side(imageWidth);
    }

    /** Returns an explicit side, else image-size, else 224 (the SiamMAE training resolution). */
    private int side(Integer explicit) {
        if (explicit != null) {
            return explicit;
        }
        return imageSize != null ? imageSize : DEFAULT_SIZE;
    }

    private static final int DEFAULT_SIZE = 224;

    /**
     * Returns the input layout for samples of a number of frames.
     *
     * @param frames frames per sample, from the frame sampler
     */
    public ModelGeometry geometry(int frames) {
        return new ModelGeometry(height(), width(), patchSize, channels, frames);
    }

    /**
     * Returns the section with every component's options resolved, defaults included, so that a
     * checkpoint rebuilds the same model even if a default changes later.
     *
     * @param registry the component registry
     */
    public Map<String, Object> toResolvedMap(ComponentRegistry registry) {
        Map<String, Object> map = OptionsBinder.toMap(this);
        map.put("encoder", resolve(registry, ComponentKind.ENCODER, encoder));
        map.put("decoder", resolve(registry, ComponentKind.DECODER, decoder));
        map.put("loss", resolve(registry, ComponentKind.LOSS, loss));
        map.put("masking", resolve(registry, ComponentKind.MASK_POLICY, masking));
        return map;
    }

    private static Map<String, Object> resolve(
            ComponentRegistry registry, ComponentKind<?> kind, ComponentSpec spec) {
        Object options = ComponentRegistry.bindOptions(registry.provider(kind, spec), spec);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(ComponentSpec.NAME_KEY, spec.name());
        map.putAll(OptionsBinder.toMap(options));
        return map;
    }

    /** Returns the encoder component. */
    public ComponentSpec encoder() {
        return encoder;
    }

    /**
     * Builds the model, not yet initialised.
     *
     * @param geometry the input layout
     * @param context the run's component context
     */
    public SiamMae build(ModelGeometry geometry, ComponentContext context) {
        ComponentRegistry registry = context.registry();
        ComponentContext withGeometry = context.with(ModelGeometry.class, geometry);
        Encoder builtEncoder = registry.create(ComponentKind.ENCODER, encoder, withGeometry);
        Decoder builtDecoder =
                registry.create(ComponentKind.DECODER, decoder, withGeometry.with(Encoder.class, builtEncoder));
        ReconstructionLoss builtLoss = registry.create(ComponentKind.LOSS, loss, withGeometry);
        MaskPolicy builtMasking = registry.create(ComponentKind.MASK_POLICY, masking, withGeometry);
        return new SiamMae(builtEncoder, builtDecoder, builtLoss, builtMasking);
    }

    /**
     * Builds only the encoder, not yet initialised (evaluation and baselines).
     *
     * @param geometry the input layout
     * @param context the run's component context
     */
    public Encoder buildEncoder(ModelGeometry geometry, ComponentContext context) {
        return context.registry()
                .create(ComponentKind.ENCODER, encoder, context.with(ModelGeometry.class, geometry));
    }
}
