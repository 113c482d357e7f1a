package org.siammae.eval.propagation;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.io.RgbFrame;

/** Runs label propagation over the frame files of one video. */
public final class VideoPropagation {

    private VideoPropagation() {}

    /**
     * Propagates first-frame labels through a video read from image files.
     *
     * @param manager where arrays live during the call
     * @param features the feature extractor
     * @param frames the frame files in order
     * @param frameWidth evaluation width, a multiple of the stride
     * @param frameHeight evaluation height, a multiple of the stride
     * @param first the first frame's labels on the grid
     * @param settings the protocol
     * @param batchSize frames per feature batch
     * @param sink receives frames 1 to n - 1
     * @param progress receives one unit per propagated frame
     * @param name the video name, for progress
     * @return propagated frames per second, feature extraction included
     * @throws Exception whatever reading a frame or the sink throws
     */
    public static double run(
            NDManager manager,
            FrameFeatures features,
            List<Path> frames,
            int frameWidth,
            int frameHeight,
            GridLabels first,
            PropagationSettings settings,
            int batchSize,
            LabelPropagator.FrameSink sink,
            EvalProgress progress,
            String name)
            throws Exception {
        long start = System.nanoTime();
        progress.begin("propagating " + name, frames.size() - 1L);
        try (NDManager videoManager = manager.newSubManager();
                FeatureStream stream =
                        new FeatureStream(
                                videoManager,
                                features,
                                i -> readResized(frames.get(i), frameWidth, frameHeight),
                                frames.size(),
                                batchSize)) {
            new LabelPropagator(settings).propagate(videoManager, stream, first, sink, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.end();
        double seconds = (System.nanoTime() - start) / 1e9;
        return (frames.size() - 1) / Math.max(seconds, 1e-9);
    }

    /**
     * Reads a frame and resizes it bilinearly.
     *
     * @param file the image file
     * @param width target width
     * @param height target height
     * @throws UncheckedIOException if the file cannot be read
     */
    public static RgbFrame readResized(Path file, int width, int height) {
        try {
            return RgbFrame.read(file).resize(width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
