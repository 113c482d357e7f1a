package org.siammae.eval.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.io.RgbFrame;

/**
 * Computes the features of a video in batches of frames as the propagation reaches them, and keeps
 * only the frames not yet released, so memory stays bounded by the context length plus one batch.
 */
public final class FeatureStream implements FeatureSource, AutoCloseable {

    private final NDManager manager;
    private final FrameFeatures features;
    private final IntFunction<RgbFrame> frames;
    private final int frameCount;
    private final int batchSize;
    private final Map<Integer, NDArray> ready = new HashMap<>();
    private int computedUpTo;

    /**
     * Creates a stream.
     *
     * @param manager where feature arrays live
     * @param features the feature extractor
     * @param frames loads frame {@code i} at the evaluation resolution
     * @param frameCount the number of frames
     * @param batchSize frames per extractor call, >= 1
     */
    public FeatureStream(
            NDManager manager,
            FrameFeatures features,
            IntFunction<RgbFrame> frames,
            int frameCount,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.manager = manager;
        this.features = features;
        this.frames = frames;
        this.frameCount = frameCount;
        this.batchSize = batchSize;
    }

    @Override
    public int frames() {
        return frameCount;
    }

    @Override
    public NDArray features(int frame) {
        NDArray cached = ready.get(frame);
        if (cached != null) {
            return cached;
        }
        if (frame < computedUpTo) {
            throw new IllegalStateException("features of frame " + frame + " were already released");
        }
        computeBatch(frame);
        return ready.get(frame);
    }

    @Override
    public void release(int frame) {
        NDArray array = ready.remove(frame);
        if (array != null) {
            array.close();
        }
    }

    private void computeBatch(int first) {
        int end = Math.min(frameCount, first + batchSize);
        RgbFrame sample = frames.apply(first);
        int plane = 3 * sample.width() * sample.height();
        float[] stacked = new float[(end - first) * plane];
        System.arraycopy(sample.pixels(), 0, stacked, 0, plane);
        for (int i = first + 1; i < end; i++) {
            RgbFrame frame = frames.apply(i);
            if (frame.width() != sample.width() || frame.height() != sample.height()) {
                throw new IllegalArgumentException(
                        "frame " + i + " has another size than frame " + first);
            }
            System.arraycopy(frame.pixels(), 0, stacked, (i - first) * plane, plane);
        }
        try (NDArray input =
                manager.create(stacked, new Shape(end - first, 3, sample.height(), sample.width()))) {
            NDArray batch = features.extract(input); // (B, h, w, D)
            for (int i = first; i < end; i++) {
                ready.put(i, batch.get(i - first)); // (h, w, D)
            }
            batch.close();
        }
        computedUpTo = end;
    }

    @Override
    public void close() {
        ready.values().forEach(NDArray::close);
        ready.clear();
    }
}
