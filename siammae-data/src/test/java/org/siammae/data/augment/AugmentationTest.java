package org.siammae.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siammae.api.data.FrameStack;

class AugmentationTest {

    private static final int H = 24;
    private static final int W = 32;

    /**
     * Builds a frame whose red channel is its column / W, green its row / H and blue a per-frame
     * constant, so the output reveals which source pixels each output pixel came from.
     */
    private static float[] coordinateFrame(float blue) {
        int plane = H * W;
        float[] frame = new float[3 * plane];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                frame[y * W + x] = (float) x / W;
                frame[plane + y * W + x] = (float) y / H;
                frame[2 * plane + y * W + x] = blue;
            }
        }
        return frame;
    }

    private static FrameStack pair() {
        return new FrameStack(List.of(coordinateFrame(0.1f), coordinateFrame(0.9f)), 3, H, W);
    }

    @Test
    void cropAndFlipMatchOnBothFrames() {
        RandomResizedCrop crop = new RandomResizedCrop(new RandomResizedCrop.Options(), 16, 16);
        HorizontalFlip flip = new HorizontalFlip(new HorizontalFlip.Options());
        Random random = new Random(7);
        int plane = 16 * 16;
        int flipped = 0;
        int cropped = 0;
        for (int trial = 0; trial < 200; trial++) {
            FrameStack out = flip.apply(crop.apply(pair(), random), random);
            float[] a = out.frames().get(0);
            float[] b = out.frames().get(1);
            // Red and green (the coordinates) are equal, blue keeps each frame's own value.
            for (int i = 0; i < 2 * plane; i++) {
                assertThat(b[i]).isEqualTo(a[i]);
            }
            assertThat(a[2 * plane]).isCloseTo(0.1f, within(1e-6f));
            assertThat(b[2 * plane]).isCloseTo(0.9f, within(1e-6f));
            if (a[15] < a[0]) {
                flipped++;
            }
            // A whole-frame resize spans red values of about 0 to 31/32 along a row.
            if (Math.abs(a[15] - a[0]) < 0.85f) {
                cropped++;
            }
        }
        // p = 0.5 over 200 trials: a count outside 60..140 has probability below 1e-8.
        assertThat(flipped).isBetween(60, 140);
        assertThat(cropped).isGreaterThan(100);
    }

    @Test
    void cropBoxesFollowScaleAndRatio() {
        RandomResizedCrop crop = new RandomResizedCrop(new RandomResizedCrop.Options(), 16, 16);
        Random random = new Random(8);
        double minArea = Double.MAX_VALUE;
        double maxArea = 0;
        for (int i = 0; i < 5000; i++) {
            CropBox box = crop.drawBox(240, 320, random);
            assertThat(box.top() + box.height()).isLessThanOrEqualTo(240);
            assertThat(box.left() + box.width()).isLessThanOrEqualTo(320);
            double area = (double) box.height() * box.width() / (240 * 320);
            double ratio = (double) box.width() / box.height();
            assertThat(ratio).isBetween(0.74, 1.34);
            minArea = Math.min(minArea, area);
            maxArea = Math.max(maxArea, area);
        }
        assertThat(minArea).isBetween(0.49, 0.52);
        assertThat(maxArea).isBetween(0.9, 1.0);
    }

    @Test
    void bilinearUpsampleMatchesHalfPixelCentres() {
        // PyTorch interpolate(mode='linear', align_corners=False) turns [0, 1] into
        // [0, 0.25, 0.75, 1]: output centres 0.25, 0.75, 1.25, 1.75 in source pixels.
        Resampler plan = Resampler.plan(1, 2, CropBox.whole(1, 2), 1, 4, true);
        float[] out = plan.apply(new float[] {0f, 1f}, 1);
        assertThat(out).containsExactly(new float[] {0f, 0.25f, 0.75f, 1f}, within(1e-6f));
    }

    @Test
    void antialiasedDownsampleWidensFilter() {
        // Shrinking [0, 1, 2, 3] by 2: output 0 is centred at 1.0 with a triangle of radius 2.
        // Pixels 0, 1, 2 weigh 0.75, 0.75, 0.25, as PIL's BILINEAR filter would weigh them (hand
        // computation), so the value is (0 * 0.75 + 1 * 0.75 + 2 * 0.25) / 1.75.
        Resampler plan = Resampler.plan(1, 4, CropBox.whole(1, 4), 1, 2, true);
        float[] out = plan.apply(new float[] {0f, 1f, 2f, 3f}, 1);
        assertThat(out[0]).isCloseTo(1.25f / 1.75f, within(1e-6f));
        assertThat(out[1]).isCloseTo(3f - 1.25f / 1.75f, within(1e-6f));
    }

    @Test
    void resampleReadsOnlyTheCropBox() {
        float[] frame = coordinateFrame(0.5f);
        Resampler plan = Resampler.plan(H, W, new CropBox(4, 8, 8, 8), 8, 8, true);
        float[] out = plan.apply(frame, 3);
        // Same size: the crop is copied exactly.
        assertThat(out[0]).isEqualTo(8f / W);
        assertThat(out[64 + 0]).isEqualTo(4f / H);
        assertThat(out[7]).isEqualTo(15f / W);
    }

    @Test
    void normalizeUsesImageNetStatistics() {
        Normalize normalize = new Normalize(new Normalize.Options());
        float[] frame = new float[3 * 4];
        java.util.Arrays.fill(frame, 0.5f);
        FrameStack out = normalize.apply(new FrameStack(List.of(frame), 3, 2, 2), new Random(0));
        float[] values = out.frames().get(0);
        assertThat(values[0]).isCloseTo((0.5f - 0.485f) / 0.229f, within(1e-5f));
        assertThat(values[4]).isCloseTo((0.5f - 0.456f) / 0.224f, within(1e-5f));
        assertThat(values[8]).isCloseTo((0.5f - 0.406f) / 0.225f, within(1e-5f));
        assertThat(frame[0]).as("input left unchanged").isEqualTo(0.5f);
    }

    @Test
    void colorJitterSharesFactorsAcrossFrames() {
        ColorJitter.Options options = new ColorJitter.Options();
        options.probability = 1.0;
        ColorJitter jitter = new ColorJitter(options);
        float[] frame = coordinateFrame(0.4f);
        FrameStack out =
                jitter.apply(new FrameStack(List.of(frame, frame.clone()), 3, H, W), new Random(9));
        assertThat(out.frames().get(1)).containsExactly(out.frames().get(0));
        assertThat(out.frames().get(0)).isNotEqualTo(frame);
        for (float v : out.frames().get(0)) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void hueShiftRotatesPrimaries() {
        // One pixel per plane: a third of a turn takes red to green, a sixth takes it to yellow.
        float[] red = {1f, 0f, 0f};
        ColorJitter.shiftHue(red, 1, 1f / 3);
        assertThat(red).containsExactly(new float[] {0f, 1f, 0f}, within(1e-5f));
        float[] yellow = {1f, 0f, 0f};
        ColorJitter.shiftHue(yellow, 1, 1f / 6);
        assertThat(yellow).containsExactly(new float[] {1f, 1f, 0f}, within(1e-5f));
    }

    @Test
    void zeroStrengthJitterIsIdentity() {
        ColorJitter.Options options = new ColorJitter.Options();
        options.probability = 1.0;
        options.brightness = 0;
        options.contrast = 0;
        options.saturation = 0;
        options.hue = 0;
        float[] frame = coordinateFrame(0.3f);
        FrameStack out =
                new ColorJitter(options).apply(new FrameStack(List.of(frame), 3, H, W), new Random(1));
        assertThat(out.frames().get(0)).containsExactly(frame, within(1e-6f));
    }
}
