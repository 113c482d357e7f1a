package org.siammae.data;

import com.google.inject.AbstractModule;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.Registrations;
import org.siammae.api.component.SiamMaePlugin;
import org.siammae.api.model.ModelGeometry;
import org.siammae.data.augment.ColorJitter;
import org.siammae.data.augment.HorizontalFlip;
import org.siammae.data.augment.Normalize;
import org.siammae.data.augment.RandomResizedCrop;
import org.siammae.data.sampler.FixedGapSampler;
import org.siammae.data.sampler.MultiFrameSampler;
import org.siammae.data.sampler.RandomGapSampler;
import org.siammae.data.source.FrameFolderSource;
import org.siammae.data.source.KineticsSource;
import org.siammae.data.source.SyntheticSource;
import org.siammae.data.source.VideoFolderSource;
import org.siammae.data.source.VideoListSource;

/** Registers the clip sources, frame samplers and augmentations of the data module. */
public final class DataPlugin extends AbstractModule implements SiamMaePlugin {

    @Override
    protected void configure() {
        var sources = Registrations.of(binder(), ComponentKind.CLIP_SOURCE);
        sources.addBinding("synthetic")
                .toInstance(
                        ComponentProvider.of(
                                "Procedural clips of textured objects moving over a textured"
                                        + " background; needs no data.",
                                SyntheticSource.Options::new,
                                SyntheticSource::new));
        sources.addBinding("video-folder")
                .toInstance(
                        ComponentProvider.of(
                                "Every video file under a folder, at any depth, decoded with FFmpeg.",
                                VideoFolderSource.Options::new,
                                VideoFolderSource::new));
        sources.addBinding("kinetics")
                .toInstance(
                        ComponentProvider.of(
                                "The video files of one split of a Kinetics-style tree,"
                                        + " ROOT/<split>/<class>/<clip>.mp4.",
                                KineticsSource.Options::new,
                                KineticsSource::create));
        sources.addBinding("frame-folder")
                .toInstance(
                        ComponentProvider.of(
                                "Pre-extracted frames: one folder of JPEG or PNG images per clip.",
                                FrameFolderSource.Options::new,
                                FrameFolderSource::new));
        sources.addBinding("video-list")
                .toInstance(
                        ComponentProvider.of(
                                "The video files named in a text file, one path per line.",
                                VideoListSource.Options::new,
                                VideoListSource::new));

        var samplers = Registrations.of(binder(), ComponentKind.FRAME_SAMPLER);
        samplers.addBinding("random-gap")
                .toInstance(
                        ComponentProvider.of(
                                "Frame pairs with a gap uniform in [min-gap, max-gap] (SiamMAE:"
                                        + " 4 to 48 frames).",
                                RandomGapSampler.Options::new,
                                (options, context) -> new RandomGapSampler(options)));
        samplers.addBinding("fixed-gap")
                .toInstance(
                        ComponentProvider.of(
                                "Frame pairs a fixed number of frames apart.",
                                FixedGapSampler.Options::new,
                                (options, context) -> new FixedGapSampler(options)));
        samplers.addBinding("multi-frame")
                .toInstance(
                        ComponentProvider.of(
                                "k context frames, then one target frame a random gap later.",
                                MultiFrameSampler.Options::new,
                                (options, context) -> new MultiFrameSampler(options)));

        var augmentations = Registrations.of(binder(), ComponentKind.AUGMENTATION);
        augmentations
                .addBinding("random-resized-crop")
                .toInstance(
                        ComponentProvider.of(
                                "Random crop (area scale, aspect ratio) resized to the model's"
                                        + " input size, the same on every frame of a sample.",
                                RandomResizedCrop.Options::new,
                                (options, context) -> {
                                    ModelGeometry geometry = context.require(ModelGeometry.class);
                                    return new RandomResizedCrop(
                                            options, geometry.imageHeight(), geometry.imageWidth());
                                }));
        augmentations
                .addBinding("horizontal-flip")
                .toInstance(
                        ComponentProvider.of(
                                "Left-right mirror of every frame of a sample, or of none.",
                                HorizontalFlip.Options::new,
                                (options, context) -> new HorizontalFlip(options)));
        augmentations
                .addBinding("color-jitter")
                .toInstance(
                        ComponentProvider.of(
                                "Random brightness, contrast, saturation and hue changes.",
                                ColorJitter.Options::new,
                                (options, context) -> new ColorJitter(options)));
        augmentations
                .addBinding("normalize")
                .toInstance(
                        ComponentProvider.of(
                                "Per-channel (x - mean) / std; ImageNet statistics by default.",
                                Normalize.Options::new,
                                (options, context) -> new Normalize(options)));
    }
}
