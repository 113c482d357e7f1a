package org.siammae.eval.jhmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.SharedData;
import org.siammae.eval.features.RawPixelFeatures;
import org.siammae.eval.propagation.GridLabels;
import org.siammae.eval.propagation.PropagationOptions;

/** Checks the JHMDB reader, the heatmaps and PCK. */
class JhmdbTest {

    @Test
    void readsRealJointPositionsZeroBased() throws IOException {
        Path root = SharedData.require("jhmdb");
        List<JhmdbClip> clips = JhmdbDataset.open(root, List.of());
        JointTrack track = JointTrack.read(clips.get(0).joints());

        // scipy.io.loadmat (SciPy 1.10) gives pos_img of shape (2, 15, 40) with
        // pos_img[:, 0, 0] = (286.5, 106.5) and pos_img[:, 14, 39] = (178.41439478, 225.57242713),
        // 1-based; the reader subtracts 1.
        assertThat(clips).hasSize(1);
        assertThat(clips.get(0).frames()).hasSize(40);
        assertThat(track.frames()).isEqualTo(40);
        assertThat(track.positions()[0]).hasNumberOfRows(15);
        assertThat(track.positions()[0][0]).containsExactly(285.5, 105.5);
        assertThat(track.positions()[39][14][0]).isCloseTo(177.41439478, within(1e-8));
        assertThat(track.positions()[39][14][1]).isCloseTo(224.57242713, within(1e-8));
    }

    @Test
    void realClipRunWritesTables(@TempDir Path folder) throws Exception {
        Path root = SharedData.require("jhmdb");
        JhmdbOptions options = new JhmdbOptions();
        options.data = root.toString();
        options.overlays = false;

        JhmdbSummary summary;
        try (NDManager manager = NDManager.newBaseManager()) {
            summary =
                    JhmdbEvaluation.run(
                            options,
                            PropagationOptions.crw().toSettings(),
                            new RawPixelFeatures(16),
                            manager,
                            folder.resolve("out"),
                            EvalProgress.NONE);
        }

        assertThat(summary.clips()).isEqualTo(1);
        assertThat(summary.pck(0.2)).isBetween(summary.pck(0.1), 1.0);
        // 39 propagated frames plus the given first frame, 15 joints each, and a header.
        assertThat(Files.readAllLines(folder.resolve("out/joints.csv"))).hasSize(40 * 15 + 1);
        assertThat(Files.readAllLines(folder.resolve("out/per-joint_results.csv"))).hasSize(16);
        assertThat(folder.resolve("out/summary.json")).exists();
    }

    @Test
    void pckMatchesHandComputation() {
        // Two joints, frame 0 skipped. Frame 1: joints at (0, 0) and (3, 4); box diagonal 5,
        // normaliser 0.6 * 5 = 3. Errors 0.3 and 0.6 -> normalised 0.1 and 0.2.
        double[][][] truth = {{{0, 0}, {3, 4}}, {{0, 0}, {3, 4}}};
        double[][][] predicted = {{{9, 9}, {9, 9}}, {{0.3, 0}, {3, 4.6}}};
        PckAccumulator pck = new PckAccumulator(2);
        pck.add(truth, predicted);

        // At 0.1: joint 0 correct (0.1 <= 0.1), joint 1 not: mean (1 + 0) / 2.
        assertThat(pck.pck(0.1)).isCloseTo(0.5, within(1e-12));
        assertThat(pck.pck(0.2)).isCloseTo(1.0, within(1e-12));
        assertThat(pck.perJoint(0.1)).containsExactly(1.0, 0.0);
    }

    @Test
    void invisibleJointLeavesBoxAndScore() {
        // Joint 1 predicted at x = -1 is invisible: the box has only joint 0 (diagonal 0), so
        // joint 0's normalised error is 0 / 0 (NaN), never correct; joint 1 has no entry.
        double[][][] truth = {{{0, 0}, {3, 4}}, {{0, 0}, {3, 4}}};
        double[][][] predicted = {{{0, 0}, {3, 4}}, {{0, 0}, {-1, -1}}};
        PckAccumulator pck = new PckAccumulator(2);
        pck.add(truth, predicted);

        assertThat(pck.perJoint(0.5)[0]).isEqualTo(0.0);
        assertThat(pck.perJoint(0.5)[1]).isNaN();
    }

    @Test
    void heatmapPeakDecodesToJoint() {
        double[][] joints = {{2.2, 3.0}, {5.6, 1.4}};
        GridLabels labels = JointHeatmaps.draw(joints, 6, 8, 0.5);

        // Peaks at the nearest cells (2, 3) and (6, 1); neighbours get exp(-2) = 0.135.
        assertThat(labels.channels()).isEqualTo(3);
        assertThat(labels.get(3 * 8 + 2, 1)).isEqualTo(1f);
        assertThat(labels.get(3 * 8 + 3, 1)).isCloseTo((float) Math.exp(-2), within(1e-6f));
        assertThat(labels.get(0, 0)).isEqualTo(1f);
        assertThat(labels.get(3 * 8 + 2, 0)).isEqualTo(0f);
        // The top-3 cells of a symmetric stamp are the peak and two equal neighbours, so the
        // decoded position lies within one cell of the peak.
        double[][] decoded = JointHeatmaps.decode(labels, 3);
        assertThat(decoded[0][0]).isCloseTo(2, within(0.2));
        assertThat(decoded[0][1]).isCloseTo(3, within(0.2));
        assertThat(JointHeatmaps.decode(labels, 1)[1]).containsExactly(6.0, 1.0);
    }

    @Test
    void emptyChannelDecodesInvisible() {
        GridLabels labels = new GridLabels(2, 2, 2, new float[] {1, 0, 1, 0, 1, 0, 1, 0});

        assertThat(JointHeatmaps.decode(labels, 3)[0]).containsExactly(-1.0, -1.0);
    }
}
