package org.siammae.eval.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;
import org.siammae.eval.EvalProgress;

/**
 * Propagates the first frame's labels through a video by feature affinity.
 *
 * <p>For target frame t the context is the first frame (with its given labels) and the previous
 * {@code contextFrames} frames (with their soft predictions). Each target cell takes the cosine
 * similarity to every context cell inside its spatial neighbourhood, keeps the {@code topK}
 * largest over all context frames, weighs them by {@code softmax(similarity / temperature)} and
 * sums their labels.
 *
 * <p>Targets are processed in tiles of cells, and each tile only compares with the window of
 * context cells its neighbourhood can reach, so memory is bounded by one tile's affinities and
 * distant cells cost nothing. The NDArray work stays on the calling thread.
 *
 * <p>Dimensions: h x w grid, L = h * w, D feature width, q target cells of a tile, n window cells,
 * S context slots in use, M candidate context cells of a tile, C label channels.
 */
public final class LabelPropagator {

    /** Receives the soft prediction of each frame after the first. */
    @FunctionalInterface
    public interface FrameSink {
        /**
         * Receives a prediction.
         *
         * @param frame the frame index, from 1
         * @param labels its soft labels on the grid
         * @throws Exception if the prediction cannot be stored
         */
        void accept(int frame, GridLabels labels) throws Exception;
    }

    private final PropagationSettings settings;

    /**
     * Creates a propagator.
     *
     * @param settings the protocol
     */
    public LabelPropagator(PropagationSettings settings) {
        this.settings = settings;
    }

    /**
     * Propagates labels through every frame of a video.
     *
     * @param manager where the context arrays live for the duration of the call
     * @param source the features of every frame
     * @param first the first frame's labels on the grid
     * @param sink receives frames 1 to {@code frames - 1} in order
     * @param progress receives one unit per propagated frame
     * @throws Exception whatever the sink throws
     */
    public void propagate(
            NDManager manager,
            FeatureSource source,
            GridLabels first,
            FrameSink sink,
            EvalProgress progress)
            throws Exception {
        NDArray firstFeatures = source.features(0); // (h, w, D)
        long[] shape = firstFeatures.getShape().getShape();
        int gridHeight = (int) shape[0];
        int gridWidth = (int) shape[1];
        int dimension = (int) shape[2];
        if (gridHeight != first.height() || gridWidth != first.width()) {
            throw new IllegalArgumentException(
                    "first-frame labels are on a "
                            + first.height()
                            + " x "
                            + first.width()
                            + " grid but the features on "
                            + gridHeight
                            + " x "
                            + gridWidth);
        }
        try (NDManager scope = manager.newSubManager();
                TilePlan plan = new TilePlan(scope, gridHeight, gridWidth, settings);
                ContextBank bank =
                        new ContextBank(
                                scope, settings.contextFrames(), gridHeight, gridWidth, dimension)) {
            if (settings.padContext()) {
                for (int slot = 0; slot < settings.contextFrames(); slot++) {
                    bank.push(firstFeatures, first);
                }
            }
            for (int frame = 1; frame < source.frames(); frame++) {
                NDArray target = source.features(frame); // (h, w, D)
                GridLabels prediction = predict(target, firstFeatures, first, bank, plan);
                sink.accept(frame, prediction);
                bank.push(target, prediction);
                source.release(frame);
                progress.advance(frame, "frame " + frame);
            }
        } finally {
            source.release(0);
        }
    }

    private GridLabels predict(
            NDArray target, NDArray firstFeatures, GridLabels first, ContextBank bank, TilePlan plan) {
        int gridWidth = first.width();
        int cells = first.height() * gridWidth;
        int channels = first.channels();
        float[] out = new float[cells * channels];
        List<Tile> tiles = plan.tiles();
        for (int t = 0; t < tiles.size(); t++) {
            Tile tile = tiles.get(t);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                predictTile(tile, plan.bias(t), target, firstFeatures, first, bank, out);
            }
        }
        return new GridLabels(first.height(), gridWidth, channels, out);
    }

    private void predictTile(
            Tile tile,
            NDArray bias,
            NDArray target,
            NDArray firstFeatures,
            GridLabels first,
            ContextBank bank,
            float[] out) {
        int gridWidth = first.width();
        int dimension = (int) target.getShape().get(2);
        int targets = tile.targets();
        int windowCells = tile.windowCells();
        NDIndex window =
                new NDIndex(
                        "{}:{}, {}:{}",
                        tile.windowRow0(),
                        tile.windowRow1(),
                        tile.windowCol0(),
                        tile.windowCol1());
        NDArray query =
                target.get(new NDIndex("{}:{}, {}:{}", tile.row0(), tile.row1(), tile.col0(), tile.col1()))
                        .reshape(targets, dimension); // (q, D)

        // First frame: the whole grid, or the window when it is restricted too.
        boolean restrictFirst = settings.restrictFirstFrame();
        NDArray firstKeys =
                restrictFirst
                        ? firstFeatures.get(window).reshape(windowCells, dimension) // (n, D)
                        : firstFeatures.reshape(-1, dimension); // (L, D)
        NDArray firstScores = query.matMul(firstKeys.transpose()); // (q, n) or (q, L)
        if (restrictFirst && bias != null) {
            firstScores.addi(bias); // (q, n)
        }
        int firstCandidates = (int) firstScores.getShape().get(1);
        int k = settings.topK();
        Candidates candidates = Candidates.top(firstScores, Math.min(k, firstCandidates), 0);

        // Previous frames: the window of every filled slot, scored in one matrix product.
        int slots = bank.count();
        if (slots > 0) {
            NDArray keys =
                    bank.features()
                            .get(
                                    new NDIndex(
                                            ":{}, {}:{}, {}:{}",
                                            slots,
                                            tile.windowRow0(),
                                            tile.windowRow1(),
                                            tile.windowCol0(),
                                            tile.windowCol1()))
                            .reshape((long) slots * windowCells, dimension); // (S * n, D)
            NDArray scores = query.matMul(keys.transpose()); // (q, S * n)
            if (bias != null) {
                scores.reshape(targets, slots, windowCells).addi(bias.expandDims(1)); // (q, S, n)
            }
            int bankCandidates = slots * windowCells;
            candidates =
                    candidates.merge(
                            Candidates.top(scores, Math.min(k, bankCandidates), firstCandidates), k);
        }
        k = candidates.k();
        float[] values = candidates.values();
        long[] indices = candidates.indices();

        int channels = first.channels();
        double[] weights = new double[k];
        for (int q = 0; q < targets; q++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, values[q * k + j]);
            }
            double total = 0;
            for (int j = 0; j < k; j++) {
                double value = values[q * k + j];
                weights[j] =
                        value == Double.NEGATIVE_INFINITY
                                ? 0
                                : Math.exp((value - max) / settings.temperature());
                total += weights[j];
            }
            int outOffset = tile.targetCell(q, gridWidth) * channels;
            for (int j = 0; j < k; j++) {
                if (weights[j] == 0) {
                    continue;
                }
                int candidate = (int) indices[q * k + j];
                GridLabels source;
                int cell;
                if (candidate < firstCandidates) {
                    source = first;
                    cell = restrictFirst ? tile.gridCell(candidate, gridWidth) : candidate;
                } else {
                    int rest = candidate - firstCandidates;
                    source = bank.labels(rest / windowCells);
                    cell = tile.gridCell(rest % windowCells, gridWidth);
                }
                float weight = (float) (weights[j] / total);
                float[] labels = source.values();
                for (int c = 0; c < channels; c++) {
                    out[outOffset + c] += weight * labels[cell * channels + c];
                }
            }
        }
    }
}
