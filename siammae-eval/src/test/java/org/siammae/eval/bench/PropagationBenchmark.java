package org.siammae.eval.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.api.nn.ParameterInit;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.features.EncoderFeatures;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.features.TestVitEncoder;
import org.siammae.eval.propagation.FeatureSource;
import org.siammae.eval.propagation.GridLabels;
import org.siammae.eval.propagation.LabelPropagator;
import org.siammae.eval.propagation.PropagationOptions;
import org.siammae.eval.propagation.PropagationSettings;

/**
 * Measures label propagation speed and peak memory at 480 x 880 with a ViT-S/16 of random weights
 * and the SiamMAE preset (top-7, first + 20 previous frames, radius 20), on random frames.
 *
 * <p>Prints feature extraction and propagation separately (frames per second each, and for the
 * two together), then the peak resident set size of the process ({@code VmHWM}) and the Java heap
 * in use. Arguments: {@code [frames] [height] [width] [tile-size] [vit|random]}, defaults 30, 480,
 * 880, 0 (automatic), vit; {@code random} replaces the encoder by random unit vectors of width 384 to time
 * propagation alone quickly.
 */
public final class PropagationBenchmark {

    private PropagationBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional frames, height, width, tile size
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 480;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 880;
        int tileSize = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        boolean vit = args.length <= 4 || args[4].equals("vit");
        PropagationOptions options = PropagationOptions.siammae();
        options.tileSize = tileSize;
        PropagationSettings settings = options.toSettings();

        try (NDManager manager = NDManager.newBaseManager()) {
            TestVitEncoder encoder = TestVitEncoder.small16();
            ParameterInit.initialize(encoder, manager, new Random(0));
            FrameFeatures features =
                    new EncoderFeatures(
                            encoder,
                            new ParameterStore(manager, false),
                            PositionalEmbeddingMode.INTERPOLATE,
                            "ViT-S/16 random init");
            int gridHeight = height / features.stride();
            int gridWidth = width / features.stride();
            Random random = new Random(1);

            // Features of every frame, one at a time, kept as Java arrays so that propagation is
            // timed on its own afterwards.
            List<float[]> cached = new ArrayList<>();
            long featureStart = System.nanoTime();
            for (int f = 0; f < frames; f++) {
                try (NDManager frameManager = manager.newSubManager()) {
                    NDArray frame = frameManager.randomUniform(0, 1, new Shape(1, 3, height, width));
                    NDArray out =
                            vit
                                    ? features.extract(frame)
                                    : frameManager
                                            .randomNormal(new Shape(1, gridHeight, gridWidth, features.dimension()));
                    out = out.div(out.norm(new int[] {-1}, true));
                    cached.add(out.toFloatArray());
                }
            }
            double featureSeconds = (System.nanoTime() - featureStart) / 1e9;

            float[] labels = new float[gridHeight * gridWidth * 3];
            for (int cell = 0; cell < gridHeight * gridWidth; cell++) {
                labels[cell * 3 + random.nextInt(3)] = 1;
            }
            GridLabels first = new GridLabels(gridHeight, gridWidth, 3, labels);
            CachedFeatures source =
                    new CachedFeatures(manager, cached, gridHeight, gridWidth, features.dimension());
            long propagationStart = System.nanoTime();
            new LabelPropagator(settings)
                    .propagate(manager, source, first, (frame, soft) -> {}, EvalProgress.NONE);
            double propagationSeconds = (System.nanoTime() - propagationStart) / 1e9;

            int propagated = frames - 1;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(
                    Locale.ROOT,
                    "grid %d x %d (%d x %d pixels, patch %d), %d frames, tile %d, %s features, %d threads%n",
                    gridHeight,
                    gridWidth,
                    height,
                    width,
                    features.stride(),
                    frames,
                    tileSize,
                    vit ? "ViT-S/16" : "random",
                    runtime.availableProcessors());
            System.out.printf(
                    Locale.ROOT,
                    "features:    %.3f frames/s (%.2f s per frame)%n",
                    frames / featureSeconds,
                    featureSeconds / frames);
            System.out.printf(
                    Locale.ROOT,
                    "propagation: %.3f frames/s (%.2f s per frame)%n",
                    propagated / propagationSeconds,
                    propagationSeconds / propagated);
            System.out.printf(
                    Locale.ROOT,
                    "together:    %.3f frames/s%n",
                    propagated / (propagationSeconds + featureSeconds * propagated / frames));
            System.out.printf(
                    Locale.ROOT,
                    "peak resident memory (VmHWM): %s; Java heap in use %.0f MiB of %.0f MiB committed%n",
                    procStatus("VmHWM"),
                    (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0,
                    runtime.totalMemory() / 1048576.0);
        }
    }

    /** Returns a field of {@code /proc/self/status}, or "unavailable" off Linux. */
    static String procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).strip();
                }
            }
        } catch (IOException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
        return "unavailable";
    }

    /** Serves precomputed features, creating each frame's array when asked. */
    private static final class CachedFeatures implements FeatureSource {

        private final NDManager manager;
        private final List<float[]> frames;
        private final Shape shape;
        private final NDArray[] live;

        CachedFeatures(NDManager manager, List<float[]> frames, int height, int width, int dimension) {
            this.manager = manager;
            this.frames = frames;
            this.shape = new Shape(height, width, dimension);
            this.live = new NDArray[frames.size()];
        }

        @Override
        public int frames() {
            return frames.size();
        }

        @Override
        public NDArray features(int frame) {
            if (live[frame] == null) {
                live[frame] = manager.create(frames.get(frame), shape);
            }
            return live[frame];
        }

        @Override
        public void release(int frame) {
            if (live[frame] != null) {
                live[frame].close();
                live[frame] = null;
            }
        }
    }
}
