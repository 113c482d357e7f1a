package org.siammae.eval.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a feature grid into tiles of target cells and holds, per tile, the additive mask that
 * removes context cells outside the neighbourhood: 0 inside, negative infinity outside.
 *
 * <p>Dimensions: q target cells of a tile, n window cells.
 */
final class TilePlan implements AutoCloseable {

    /**
     * The maximum number of affinity scores of one tile when the tile size is chosen automatically:
     * 48 M floats or 192 MiB, of which a few copies exist at once.
     */
    static final long SCORE_BUDGET = 48L << 20;

    private final List<Tile> tiles = new ArrayList<>();
    private final List<NDArray> biases = new ArrayList<>();

    /**
     * Plans the tiles of a grid.
     *
     * @param manager where the masks live; they are closed with the plan
     * @param gridHeight h
     * @param gridWidth w
     * @param settings the neighbourhood and tile size
     */
    TilePlan(NDManager manager, int gridHeight, int gridWidth, PropagationSettings settings) {
        Neighbourhood shape = settings.neighbourhood();
        int reach = Math.min(shape.maxOffset(settings.radius()), Math.max(gridHeight, gridWidth));
        int size =
                settings.tileSize() > 0
                        ? settings.tileSize()
                        : autoTileSize(gridHeight, gridWidth, reach, settings.contextFrames() + 1);
        for (int row0 = 0; row0 < gridHeight; row0 += size) {
            for (int col0 = 0; col0 < gridWidth; col0 += size) {
                int row1 = Math.min(gridHeight, row0 + size);
                int col1 = Math.min(gridWidth, col0 + size);
                Tile tile =
                        new Tile(
                                row0,
                                row1,
                                col0,
                                col1,
                                Math.max(0, row0 - reach),
                                Math.min(gridHeight, row1 + reach),
                                Math.max(0, col0 - reach),
                                Math.min(gridWidth, col1 + reach));
                tiles.add(tile);
                biases.add(shape == Neighbourhood.NONE ? null : bias(manager, tile, gridWidth, settings));
            }
        }
    }

    /**
     * Returns the largest tile side whose score block (target cells x candidate cells, assuming
     * every frame of the context is compared over its window) stays within {@link #SCORE_BUDGET}.
     * Larger tiles mean fewer, larger matrix products, which run faster on CPUs.
     */
    static int autoTileSize(int gridHeight, int gridWidth, int reach, int contextFrames) {
        for (int size = Math.max(gridHeight, gridWidth); size > 1; size--) {
            long largest = 0;
            for (int row0 = 0; row0 < gridHeight; row0 += size) {
                for (int col0 = 0; col0 < gridWidth; col0 += size) {
                    int rows = Math.min(gridHeight, row0 + size) - row0;
                    int cols = Math.min(gridWidth, col0 + size) - col0;
                    long windowRows = Math.min(gridHeight, row0 + rows + reach) - Math.max(0, row0 - reach);
                    long windowCols = Math.min(gridWidth, col0 + cols + reach) - Math.max(0, col0 - reach);
                    long candidates = (long) contextFrames * Math.max(windowRows * windowCols, 0);
                    largest = Math.max(largest, (long) rows * cols * candidates);
                }
            }
            if (largest <= SCORE_BUDGET) {
                return size;
            }
        }
        return 1;
    }

    /** Returns the tiles in row-major order. */
    List<Tile> tiles() {
        return tiles;
    }

    /**
     * Returns the neighbourhood mask of a tile, or null when every window cell is allowed.
     *
     * @param index the tile index
     * @return (q, n)
     */
    NDArray bias(int index) {
        return biases.get(index);
    }

    private static NDArray bias(
            NDManager manager, Tile tile, int gridWidth, PropagationSettings settings) {
        int targets = tile.targets();
        int windowCells = tile.windowCells();
        float[] values = new float[targets * windowCells];
        boolean anyOutside = false;
        for (int t = 0; t < targets; t++) {
            int targetCell = tile.targetCell(t, gridWidth);
            int ty = targetCell / gridWidth;
            int tx = targetCell % gridWidth;
            for (int c = 0; c < windowCells; c++) {
                int contextCell = tile.gridCell(c, gridWidth);
                int dy = contextCell / gridWidth - ty;
                int dx = contextCell % gridWidth - tx;
                if (!settings.neighbourhood().contains(dy, dx, settings.radius())) {
                    values[t * windowCells + c] = Float.NEGATIVE_INFINITY;
                    anyOutside = true;
                }
            }
        }
        return anyOutside ? manager.create(values, new Shape(targets, windowCells)) : null;
    }

    @Override
    public void close() {
        for (NDArray bias : biases) {
            if (bias != null) {
                bias.close();
            }
        }
    }
}
