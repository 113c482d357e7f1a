package org.siammae.api.data;

import java.util.Random;

/**
 * One augmentation step applied with the same parameters to every frame of a sample; an extension
 * point registered under {@link org.siammae.api.component.ComponentKind#AUGMENTATION}.
 *
 * <p>Steps run in the order the descriptor lists them, on a data worker thread.
 */
public interface Augmentation {

    /**
     * Transforms a sample.
     *
     * @param sample the frames of one sample
     * @param random the worker's stream; draw every parameter once per sample, not per frame
     * @return the transformed frames (may be {@code sample} itself when nothing changes)
     */
    FrameStack apply(FrameStack sample, Random random);
}
