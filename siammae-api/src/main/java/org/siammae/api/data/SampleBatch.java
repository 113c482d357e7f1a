package org.siammae.api.data;

/**
 * A batch of samples as one flat Java array, ready to become an NDArray on the training thread.
 *
 * <p>Layout (B, T, C, H, W), row-major: B samples, T frames (context frames, then the target),
 * C channels, H x W pixels; values are normalised.
 *
 * @param values {@code B * T * C * H * W} values
 * @param batchSize B
 * @param frames T
 * @param channels C
 * @param height H
 * @param width W
 * @param epoch the 0-based epoch the batch belongs to
 */
public record SampleBatch(
        float[] values, int batchSize, int frames, int channels, int height, int width, int epoch) {

    public SampleBatch {
        long expected = (long) batchSize * frames * channels * height * width;
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    "a batch of "
                            + batchSize
                            + " x "
                            + frames
                            + " x "
                            + channels
                            + " x "
                            + height
                            + " x "
                            + width
                            + " needs "
                            + expected
                            + " values, got "
                            + values.length);
        }
    }

    /** Returns the shape as {@code {B, T, C, H, W}}. */
    public long[] shape() {
        return new long[] {batchSize, frames, channels, height, width};
    }
}
