package org.siammae.data.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.ClipSource;
import org.siammae.api.data.FrameReader;
import org.siammae.api.data.FrameStack;
import org.siammae.api.model.ModelGeometry;

/**
 * Procedural videos for runs without data: textured objects moving over a panning, textured
 * background. Each clip is a pure function of the {@code seed} option and its index, rendered on
 * demand, so the source needs no disk and no memory beyond the frames read.
 */
public final class SyntheticSource implements ClipSource {

    private static final String LOCATION_PREFIX = "synthetic:";

    /** Options of {@code synthetic}. */
    public static final class Options implements ValidatedOptions {

        @Tunable(description = "Number of clips; 1 or more.")
        int clips = 64;

        @Tunable(description = "Frames per clip; 2 or more.")
        int frames = 48;

        @Tunable(
                description =
                        "Side of the square frames in pixels (8 or more); 0 renders at the model's"
                                + " image height x width.")
        int frameSize = 0;

        @Tunable(description = "Moving objects per clip; 0 or more.")
        int objects = 3;

        @Tunable(
                description =
                        "Largest object speed in pixels per frame (objects move at 0.5 to 1 times"
                                + " it, the background pans at up to 0.25 times it); 0 or more.")
        double speed = 2.0;

        @Tunable(description = "Nominal frame rate in frames per second; positive.")
        double fps = 30;

        @Tunable(description = "Seed of the clip content, independent of the run seed.")
        long seed = 0;

        @Override
        public void validate(ConfigProblems problems) {
            if (clips < 1) {
                problems.add("clips", "must be 1 or more, got " + clips);
            }
            if (frames < 2) {
                problems.add("frames", "must be 2 or more, got " + frames);
            }
            if (frameSize != 0 && frameSize < 8) {
                problems.add("frame-size", "must be 0 (the model's size) or 8 or more, got " + frameSize);
            }
            if (objects < 0) {
                problems.add("objects", "must be 0 or more, got " + objects);
            }
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                problems.add("speed", "must be 0 or more, got " + speed);
            }
            if (!(fps > 0) || Double.isInfinite(fps)) {
                problems.add("fps", "must be positive, got " + fps);
            }
        }
    }

    private final Options options;
    private final int height;
    private final int width;

    /**
     * Creates the source.
     *
     * @param options validated options
     * @param context supplies the {@link ModelGeometry} when {@code frame-size} is 0
     */
    public SyntheticSource(Options options, ComponentContext context) {
        this.options = options;
        if (options.frameSize > 0) {
            this.height = options.frameSize;
            this.width = options.frameSize;
        } else {
            ModelGeometry geometry = context.require(ModelGeometry.class);
            this.height = geometry.imageHeight();
            this.width = geometry.imageWidth();
        }
    }

    @Override
    public List<ClipInfo> clips() {
        List<ClipInfo> clips = new ArrayList<>(options.clips);
        for (int i = 0; i < options.clips; i++) {
            clips.add(
                    new ClipInfo(
                            String.format(Locale.ROOT, "synthetic-%05d", i),
                            LOCATION_PREFIX + i,
                            options.frames,
                            options.fps,
                            width,
                            height));
        }
        return clips;
    }

    @Override
    public FrameReader open(ClipInfo clip) throws IOException {
        if (!clip.location().startsWith(LOCATION_PREFIX)) {
            throw new IOException("clip " + clip.id() + " is not a synthetic clip: " + clip.location());
        }
        int index;
        try {
            index = Integer.parseInt(clip.location().substring(LOCATION_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new IOException("clip " + clip.id() + " has an invalid location " + clip.location(), e);
        }
        SyntheticScene scene =
                new SyntheticScene(
                        options.seed, index, height, width, options.objects, options.speed);
        int frameCount = clip.frameCount();
        return new FrameReader() {
            @Override
            public FrameStack read(int[] frameIndices) throws IOException {
                List<float[]> frames = new ArrayList<>(frameIndices.length);
                for (int t : frameIndices) {
                    if (t < 0 || t >= frameCount) {
                        throw new IOException(
                                "frame " + t + " is outside clip " + clip.id() + " (" + frameCount
                                        + " frames)");
                    }
                    frames.add(scene.render(t));
                }
                return new FrameStack(frames, 3, height, width);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "synthetic: %d clips x %d frames of %dx%d at %.3g fps, %d objects, speed %.3g px/frame,"
                        + " seed %d",
                options.clips,
                options.frames,
                width,
                height,
                options.fps,
                options.objects,
                options.speed,
                options.seed);
    }
}
