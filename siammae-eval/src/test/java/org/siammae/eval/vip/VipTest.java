package org.siammae.eval.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.features.RawPixelFeatures;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.LabelPngs;
import org.siammae.eval.io.Palette;
import org.siammae.eval.propagation.PropagationOptions;

/** Checks mean IoU by hand and runs the VIP task on a constructed folder in the VIP layout. */
class VipTest {

    @TempDir Path folder;

    @Test
    void meanIouMatchesHandComputation() {
        // Truth 0 0 1 1, prediction 0 1 1 2 (3 classes), plus an ignored pixel of class 200.
        ConfusionMatrix matrix = new ConfusionMatrix(3);
        matrix.add(LabelMap.of(5, 1, 0, 0, 1, 1, 200), LabelMap.of(5, 1, 0, 1, 1, 2, 0));

        // Class 0: diag 1, row 2, column 1 -> 1 / 2. Class 1: diag 1, row 2, column 2 -> 1 / 3.
        // Class 2: diag 0, row 0, column 1 -> 0. Mean (1/2 + 1/3 + 0) / 3.
        assertThat(matrix.iou()).containsExactly(0.5, 1.0 / 3, 0.0);
        assertThat(matrix.meanIou()).isCloseTo((0.5 + 1.0 / 3) / 3, within(1e-12));
        assertThat(matrix.count(0, 1)).isEqualTo(1);
    }

    @Test
    void absentClassIsLeftOutOfMean() {
        ConfusionMatrix matrix = new ConfusionMatrix(4);
        matrix.add(LabelMap.of(2, 1, 0, 1), LabelMap.of(2, 1, 0, 1));

        assertThat(matrix.iou()[3]).isNaN();
        assertThat(matrix.meanIou()).isEqualTo(1.0);
    }

    @Test
    void identicalFramesScorePerfectly() throws Exception {
        // Three identical frames of random texture with three part classes in vertical stripes that
        // end on cell edges. Propagation must keep the labels, and nearest upsampling puts the
        // stripe edges back on the same pixels, so every pixel is right and mIoU is 1.
        Path images = Files.createDirectories(folder.resolve("Images/video1"));
        Path labels = Files.createDirectories(folder.resolve("Annotations/Category_ids/video1"));
        BufferedImage frame = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                frame.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        int[] classes = new int[64 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                classes[y * 64 + x] = x < 16 ? 0 : (x < 40 ? 3 : 7);
            }
        }
        for (int t = 0; t < 3; t++) {
            ImageIO.write(frame, "png", images.resolve(String.format("%05d.jpg", t)).toFile());
            LabelPngs.writeIndexed(labels.resolve(String.format("%05d.png", t)), LabelMap.of(64, 32, classes), Palette.davis());
        }
        VipOptions options = new VipOptions();
        options.data = folder.toString();
        options.longSide = 64;
        PropagationOptions propagation = PropagationOptions.siammae();
        propagation.temperature = 0.01;
        propagation.labelUpsampling = org.siammae.eval.propagation.LabelUpsampling.NEAREST;

        VipEvaluation.Summary summary;
        try (NDManager manager = NDManager.newBaseManager()) {
            summary =
                    VipEvaluation.run(
                            options,
                            propagation.toSettings(),
                            new RawPixelFeatures(8),
                            manager,
                            folder.resolve("out"),
                            EvalProgress.NONE);
        }

        assertThat(summary.meanIou()).isEqualTo(1.0);
        assertThat(summary.confusion().count(3, 3)).isEqualTo(3L * 24 * 32);
        assertThat(folder.resolve("out/predictions/video1/00002.png")).exists();
        assertThat(folder.resolve("out/summary.json")).exists();
        assertThat(folder.resolve("out/overlays/video1.png")).exists();
    }
}
