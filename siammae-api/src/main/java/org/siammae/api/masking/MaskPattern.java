package org.siammae.api.masking;

import java.util.Random;

/**
 * Chooses which patches of one frame stay visible; an extension point registered under {@link
 * org.siammae.api.component.ComponentKind#MASK_PATTERN}.
 */
public interface MaskPattern {

    /**
     * Chooses the visible patches of one frame.
     *
     * @param gridHeight patch rows
     * @param gridWidth patch columns
     * @param numVisible how many patches stay visible, in [0, gridHeight * gridWidth]
     * @param random the run's masking stream
     * @return exactly {@code numVisible} distinct row-major patch indices
     */
    int[] visiblePatches(int gridHeight, int gridWidth, int numVisible, Random random);
}
