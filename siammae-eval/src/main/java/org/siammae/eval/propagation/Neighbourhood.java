package org.siammae.eval.propagation;

/** Which context cells a target cell may draw labels from, by their offset on the feature grid. */
public enum Neighbourhood {
    /** Cells at Euclidean distance strictly below the radius (SiamMAE, CRW). */
    CIRCLE,
    /** Cells whose row and column offsets are both at most the radius (DINO's window). */
    SQUARE,
    /** Every cell. */
    NONE;

    /**
     * Returns whether a context cell at offset (dy, dx) from the target cell is in the neighbourhood.
     *
     * @param dy row offset in cells
     * @param dx column offset in cells
     * @param radius the radius in cells
     */
    public boolean contains(int dy, int dx, double radius) {
        return switch (this) {
            case CIRCLE -> Math.sqrt((double) dy * dy + (double) dx * dx) < radius;
            case SQUARE -> Math.abs(dy) <= radius && Math.abs(dx) <= radius;
            case NONE -> true;
        };
    }

    /**
     * Returns the largest row or column offset any neighbourhood cell can have, or {@code
     * Integer.MAX_VALUE} for {@link #NONE}.
     *
     * @param radius the radius in cells
     */
    public int maxOffset(double radius) {
        return switch (this) {
            case CIRCLE -> (int) Math.ceil(radius) - 1;
            case SQUARE -> (int) Math.floor(radius);
            case NONE -> Integer.MAX_VALUE;
        };
    }
}
