package org.siammae.eval.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siammae.eval.EvalProgress;

/**
 * Checks the tiled propagation against a direct implementation of the definition (every context
 * cell scored, masked, top-k, softmax), and on cases whose result is known without computation.
 */
class LabelPropagatorTest {

    private static final int H = 5;
    private static final int W = 7;
    private static final int D = 6;
    private static final int C = 3;

    @Test
    void tiledMatchesDirectDefinition() throws Exception {
        Random random = new Random(7);
        float[][] features = new float[6][];
        for (int f = 0; f < features.length; f++) {
            features[f] = randomUnitVectors(random, H * W, D);
        }
        GridLabels first = randomLabels(random);
        List<PropagationOptions> variants = new ArrayList<>();
        variants.add(options(Neighbourhood.CIRCLE, 2.5, false, false, 3));
        variants.add(options(Neighbourhood.SQUARE, 1, true, false, 2));
        variants.add(options(Neighbourhood.NONE, 1, false, true, 100));
        variants.add(options(Neighbourhood.CIRCLE, 1.5, true, true, 1));
        variants.add(options(Neighbourhood.SQUARE, 2, false, true, 0));

        for (PropagationOptions variant : variants) {
            PropagationSettings settings = variant.toSettings();
            List<GridLabels> tiled = propagate(settings, features, first);
            List<float[]> direct = DirectPropagation.run(settings, features, first.values(), H, W, D, C);
            for (int f = 0; f < tiled.size(); f++) {
                float[] got = tiled.get(f).values();
                float[] expected = direct.get(f);
                for (int i = 0; i < got.length; i++) {
                    assertThat(got[i])
                            .as("%s frame %d value %d", settings, f + 1, i)
                            .isCloseTo(expected[i], within(1e-5f));
                }
            }
        }
    }

    @Test
    void identicalFramesKeepFirstLabels() throws Exception {
        // One-hot features: each cell matches only itself (similarity 1, others 0). With temperature
        // 0.01 the weight of a non-matching cell is exp(-100), so every frame repeats frame 0.
        float[] oneHot = new float[H * W * (H * W)];
        for (int cell = 0; cell < H * W; cell++) {
            oneHot[cell * H * W + cell] = 1;
        }
        float[][] features = {oneHot, oneHot, oneHot, oneHot};
        GridLabels first = randomLabels(new Random(3));
        PropagationOptions options = options(Neighbourhood.CIRCLE, 3, false, false, 4);
        options.temperature = 0.01;

        List<GridLabels> out;
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayFeatureSource source = new ArrayFeatureSource(manager, features, H, W, H * W);
            out = collect(options.toSettings(), manager, source, first);
        }

        for (GridLabels frame : out) {
            for (int i = 0; i < first.values().length; i++) {
                assertThat(frame.values()[i]).isCloseTo(first.values()[i], within(1e-6f));
            }
        }
    }

    @Test
    void shiftedFrameShiftsLabels() throws Exception {
        // Frame 1's cell (y, x) has the features of frame 0's cell (y, x - 1), so its labels must
        // come from there: the label map moves one cell right.
        Random random = new Random(11);
        float[] frame0 = randomUnitVectors(random, H * W, D);
        float[] frame1 = new float[frame0.length];
        for (int y = 0; y < H; y++) {
            for (int x = 1; x < W; x++) {
                System.arraycopy(frame0, (y * W + x - 1) * D, frame1, (y * W + x) * D, D);
            }
            System.arraycopy(frame0, (y * W + W - 1) * D, frame1, (y * W) * D, D);
        }
        GridLabels first = randomLabels(random);
        PropagationOptions options = options(Neighbourhood.NONE, 1, false, false, 4);
        options.topK = 1;

        List<GridLabels> out;
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayFeatureSource source = new ArrayFeatureSource(manager, new float[][] {frame0, frame1}, H, W, D);
            out = collect(options.toSettings(), manager, source, first);
        }

        for (int y = 0; y < H; y++) {
            for (int x = 1; x < W; x++) {
                for (int c = 0; c < C; c++) {
                    assertThat(out.get(0).get(y * W + x, c))
                            .isCloseTo(first.get(y * W + x - 1, c), within(1e-6f));
                }
            }
        }
    }

    @Test
    void neighbourhoodExcludesDistantMatch() throws Exception {
        // The exact match of every cell lies 3 columns away, out of reach of a circle of radius 2.
        // So with top-1 a cell never takes the label of its match when that label differs.
        float[] oneHot = new float[H * W * (H * W)];
        float[] moved = new float[oneHot.length];
        for (int cell = 0; cell < H * W; cell++) {
            oneHot[cell * H * W + cell] = 1;
            int y = cell / W;
            int x = cell % W;
            int source = y * W + (x + 3) % W;
            moved[cell * H * W + source] = 1;
        }
        float[] labels = new float[H * W * 2];
        for (int cell = 0; cell < H * W; cell++) {
            labels[cell * 2 + ((cell % W) < 3 ? 0 : 1)] = 1;
        }
        GridLabels first = new GridLabels(H, W, 2, labels);
        PropagationOptions far = options(Neighbourhood.NONE, 1, false, false, 4);
        far.topK = 1;
        PropagationOptions near = options(Neighbourhood.CIRCLE, 2, true, false, 4);
        near.topK = 1;

        try (NDManager manager = NDManager.newBaseManager()) {
            GridLabels unrestricted =
                    collect(far.toSettings(), manager, new ArrayFeatureSource(manager, new float[][] {oneHot, moved}, H, W, H * W), first).get(0);
            GridLabels restricted =
                    collect(near.toSettings(), manager, new ArrayFeatureSource(manager, new float[][] {oneHot, moved}, H, W, H * W), first).get(0);

            // Cell (0, 0) matches cell (0, 3), label 1; its own label is 0.
            assertThat(unrestricted.get(0, 1)).isCloseTo(1f, within(1e-6f));
            assertThat(restricted.get(0, 1)).isLessThan(1f);
        }
    }

    private static List<GridLabels> propagate(
            PropagationSettings settings, float[][] features, GridLabels first) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            return collect(settings, manager, new ArrayFeatureSource(manager, features, H, W, D), first);
        }
    }

    private static List<GridLabels> collect(
            PropagationSettings settings, NDManager manager, FeatureSource source, GridLabels first)
            throws Exception {
        List<GridLabels> out = new ArrayList<>();
        new LabelPropagator(settings)
                .propagate(manager, source, first, (frame, labels) -> out.add(labels), EvalProgress.NONE);
        return out;
    }

    private static PropagationOptions options(
            Neighbourhood shape, double radius, boolean restrictFirst, boolean pad, int tileSize) {
        PropagationOptions options = new PropagationOptions();
        options.topK = 4;
        options.temperature = 0.2;
        options.contextFrames = 2;
        options.neighbourhood = shape;
        options.radius = radius;
        options.restrictFirstFrame = restrictFirst;
        options.padContext = pad;
        options.tileSize = tileSize;
        return options;
    }

    private static GridLabels randomLabels(Random random) {
        float[] values = new float[H * W * C];
        for (int cell = 0; cell < H * W; cell++) {
            values[cell * C + random.nextInt(C)] = 1;
        }
        return new GridLabels(H, W, C, values);
    }

    static float[] randomUnitVectors(Random random, int count, int dimension) {
        float[] out = new float[count * dimension];
        for (int i = 0; i < count; i++) {
            double norm = 0;
            for (int d = 0; d < dimension; d++) {
                float value = (float) random.nextGaussian();
                out[i * dimension + d] = value;
                norm += value * value;
            }
            for (int d = 0; d < dimension; d++) {
                out[i * dimension + d] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }

    /** The propagation rule written directly over all context cells, without tiles. */
    static final class DirectPropagation {

        static List<float[]> run(
                PropagationSettings settings, float[][] features, float[] firstLabels, int h, int w, int d, int c) {
            List<float[]> contextFeatures = new ArrayList<>();
            List<float[]> contextLabels = new ArrayList<>();
            if (settings.padContext()) {
                for (int i = 0; i < settings.contextFrames(); i++) {
                    contextFeatures.add(features[0]);
                    contextLabels.add(firstLabels);
                }
            }
            List<float[]> out = new ArrayList<>();
            for (int frame = 1; frame < features.length; frame++) {
                float[] prediction = new float[h * w * c];
                for (int target = 0; target < h * w; target++) {
                    List<double[]> candidates = new ArrayList<>(); // {score, source, cell}
                    addCandidates(candidates, features[frame], target, features[0], -1, settings.restrictFirstFrame(), settings, h, w, d);
                    for (int s = 0; s < contextFeatures.size(); s++) {
                        addCandidates(candidates, features[frame], target, contextFeatures.get(s), s, true, settings, h, w, d);
                    }
                    candidates.sort((a, b) -> Double.compare(b[0], a[0]));
                    int k = Math.min(settings.topK(), candidates.size());
                    double max = candidates.get(0)[0];
                    double total = 0;
                    double[] weights = new double[k];
                    for (int j = 0; j < k; j++) {
                        weights[j] = Math.exp((candidates.get(j)[0] - max) / settings.temperature());
                        total += weights[j];
                    }
                    for (int j = 0; j < k; j++) {
                        double[] candidate = candidates.get(j);
                        float[] labels = candidate[1] < 0 ? firstLabels : contextLabels.get((int) candidate[1]);
                        int cell = (int) candidate[2];
                        for (int ch = 0; ch < c; ch++) {
                            prediction[target * c + ch] += (float) (weights[j] / total) * labels[cell * c + ch];
                        }
                    }
                }
                out.add(prediction);
                contextFeatures.add(features[frame]);
                contextLabels.add(prediction);
                if (contextFeatures.size() > settings.contextFrames()) {
                    contextFeatures.remove(0);
                    contextLabels.remove(0);
                }
            }
            return out;
        }

        private static void addCandidates(
                List<double[]> candidates, float[] target, int targetCell, float[] context, int source,
                boolean restricted, PropagationSettings settings, int h, int w, int d) {
            for (int cell = 0; cell < h * w; cell++) {
                int dy = cell / w - targetCell / w;
                int dx = cell % w - targetCell % w;
                if (restricted && !settings.neighbourhood().contains(dy, dx, settings.radius())) {
                    continue;
                }
                double score = 0;
                for (int i = 0; i < d; i++) {
                    score += target[targetCell * d + i] * context[cell * d + i];
                }
                candidates.add(new double[] {score, source, cell});
            }
        }
    }

    @Test
    void automaticTileStaysWithinBudget() {
        // DAVIS at 480 x 880 with patch 16 (30 x 55 cells), radius 20 (reach 19), 21 frames: the
        // whole grid would need 1650 x 21 x 1650 = 57 M scores, over the 50.3 M budget.
        int size = TilePlan.autoTileSize(30, 55, 19, 21);

        assertThat(size).isLessThan(55).isGreaterThanOrEqualTo(30);
        // A small grid fits in one tile.
        assertThat(TilePlan.autoTileSize(5, 7, 2, 3)).isEqualTo(7);
    }

    @Test
    void directReferenceUsesArraysAsGiven() {
        // Guards the reference itself: one frame of one cell copies the first labels.
        float[][] features = {{1f}, {1f}};
        PropagationOptions options = options(Neighbourhood.NONE, 1, false, false, 1);
        List<float[]> out = DirectPropagation.run(options.toSettings(), features, new float[] {0.25f, 0.75f}, 1, 1, 1, 2);
        assertThat(Arrays.equals(out.get(0), new float[] {0.25f, 0.75f})).isTrue();
    }
}
