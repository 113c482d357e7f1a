package org.siammae.api.masking;

import java.util.Random;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;

/**
 * Decides the masking ratio and pattern of each frame of a sample; an extension point registered
 * under {@link org.siammae.api.component.ComponentKind#MASK_POLICY}.
 */
public interface MaskPolicy {

    /**
     * Draws masks for a batch.
     *
     * @param batchSize samples in the batch
     * @param geometry the model's input layout (frames, grid)
     * @param random the run's masking stream
     * @return one mask per frame of the geometry
     */
    FrameMasks sample(int batchSize, ModelGeometry geometry, Random random);

    /**
     * Returns how many patches of a frame stay visible at a masking ratio: {@code floor(L * (1 -
     * ratio))}, the count MAE keeps.
     *
     * @param numPatches patches per frame, L
     * @param ratio the fraction hidden, in [0, 1)
     */
    static int visibleCount(int numPatches, double ratio) {
        if (!(ratio >= 0 && ratio < 1)) {
            throw new IllegalArgumentException("masking ratio must be in [0, 1), got " + ratio);
        }
        return (int) Math.floor(numPatches * (1 - ratio));
    }
}
