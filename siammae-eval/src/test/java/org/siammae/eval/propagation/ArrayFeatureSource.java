package org.siammae.eval.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Features held in Java arrays, one (h, w, D) block per frame, for propagation tests. */
final class ArrayFeatureSource implements FeatureSource {

    private final NDManager manager;
    private final float[][] frames;
    private final int height;
    private final int width;
    private final int dimension;
    private final NDArray[] live;

    ArrayFeatureSource(NDManager manager, float[][] frames, int height, int width, int dimension) {
        this.manager = manager;
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.dimension = dimension;
        this.live = new NDArray[frames.length];
    }

    @Override
    public int frames() {
        return frames.length;
    }

    @Override
    public NDArray features(int frame) {
        if (live[frame] == null) {
            live[frame] = manager.create(frames[frame], new Shape(height, width, dimension));
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
