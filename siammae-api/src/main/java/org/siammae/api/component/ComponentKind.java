package org.siammae.api.component;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Types;
import java.util.Map;
import org.siammae.api.data.Augmentation;
import org.siammae.api.data.ClipSource;
import org.siammae.api.data.FrameSampler;
import org.siammae.api.masking.MaskPattern;
import org.siammae.api.masking.MaskPolicy;
import org.siammae.api.model.Decoder;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.ReconstructionLoss;

/**
 * One extension point: a kind of component that descriptors select by name.
 *
 * <p>Each kind is one Guice {@code MapBinder<String, ComponentProvider<T>>}. The kinds of the
 * method are constants here; a module may declare further kinds with {@link #of(String, Class)}.
 *
 * @param <T> the component interface
 */
public final class ComponentKind<T> {

    /** ViT encoders ({@code siamese}, {@code joint}). */
    public static final ComponentKind<Encoder> ENCODER = of("encoder", Encoder.class);

    /** Decoders ({@code cross-self}, {@code cross}, {@code joint}). */
    public static final ComponentKind<Decoder> DECODER = of("decoder", Decoder.class);

    /** Reconstruction losses ({@code norm-pixel-mse}, {@code pixel-mse}). */
    public static final ComponentKind<ReconstructionLoss> LOSS = of("loss", ReconstructionLoss.class);

    /** Patterns of the visible patches of one frame ({@code random}, {@code grid}). */
    public static final ComponentKind<MaskPattern> MASK_PATTERN =
            of("mask-pattern", MaskPattern.class);

    /** Masking ratios of the frames of a sample ({@code symmetric}, {@code asymmetric}). */
    public static final ComponentKind<MaskPolicy> MASK_POLICY = of("mask-policy", MaskPolicy.class);

    /** Frame samplers, which pick the frames of a sample ({@code fixed-gap}, {@code random-gap}, ...). */
    public static final ComponentKind<FrameSampler> FRAME_SAMPLER =
            of("frame-sampler", FrameSampler.class);

    /** Clip sources ({@code synthetic}, {@code video-folder}, ...). */
    public static final ComponentKind<ClipSource> CLIP_SOURCE = of("clip-source", ClipSource.class);

    /** Augmentation steps applied alike to every frame of a sample. */
    public static final ComponentKind<Augmentation> AUGMENTATION =
            of("augmentation", Augmentation.class);

    private final String name;
    private final Class<T> type;
    private final TypeLiteral<ComponentProvider<T>> providerType;
    private final Key<Map<String, ComponentProvider<T>>> mapKey;

    @SuppressWarnings("unchecked")
    private ComponentKind(String name, Class<T> type) {
        this.name = name;
        this.type = type;
        this.providerType =
                (TypeLiteral<ComponentProvider<T>>)
                        TypeLiteral.get(Types.newParameterizedType(ComponentProvider.class, type));
        this.mapKey =
                (Key<Map<String, ComponentProvider<T>>>)
                        Key.get(Types.mapOf(String.class, providerType.getType()));
    }

    /**
     * Declares a kind of component.
     *
     * @param name the kind's name in messages and in {@code siammae components}
     * @param type the component interface
     * @param <T> the component interface
     */
    public static <T> ComponentKind<T> of(String name, Class<T> type) {
        return new ComponentKind<>(name, type);
    }

    /** Returns the kind's name, for example {@code encoder}. */
    public String name() {
        return name;
    }

    /** Returns the component interface. */
    public Class<T> type() {
        return type;
    }

    /** Returns the Guice type of this kind's providers. */
    public TypeLiteral<ComponentProvider<T>> providerType() {
        return providerType;
    }

    /** Returns the Guice key of the name-to-provider map. */
    public Key<Map<String, ComponentProvider<T>>> mapKey() {
        return mapKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ComponentKind<?> kind && kind.name.equals(name) && kind.type == type;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
