package org.siammae.eval.propagation;

/**
 * A rectangle of target cells and the window of context cells that its neighbourhood can reach.
 *
 * <p>Target rows {@code [row0, row1)} and columns {@code [col0, col1)}; window rows {@code
 * [windowRow0, windowRow1)} and columns {@code [windowCol0, windowCol1)}, clipped to the grid.
 */
record Tile(
        int row0,
        int row1,
        int col0,
        int col1,
        int windowRow0,
        int windowRow1,
        int windowCol0,
        int windowCol1) {

    /** Returns the number of target cells. */
    int targets() {
        return (row1 - row0) * (col1 - col0);
    }

    /** Returns the window width in cells. */
    int windowWidth() {
        return windowCol1 - windowCol0;
    }

    /** Returns the number of window cells. */
    int windowCells() {
        return (windowRow1 - windowRow0) * windowWidth();
    }

    /**
     * Returns the grid cell of a window cell.
     *
     * @param windowCell index within the window, row-major
     * @param gridWidth grid columns
     */
    int gridCell(int windowCell, int gridWidth) {
        int row = windowRow0 + windowCell / windowWidth();
        int col = windowCol0 + windowCell % windowWidth();
        return row * gridWidth + col;
    }

    /**
     * Returns the grid cell of a target cell.
     *
     * @param target index within the tile, row-major
     * @param gridWidth grid columns
     */
    int targetCell(int target, int gridWidth) {
        int tileWidth = col1 - col0;
        return (row0 + target / tileWidth) * gridWidth + col0 + target % tileWidth;
    }
}
