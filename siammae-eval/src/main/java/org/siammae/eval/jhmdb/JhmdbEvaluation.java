package org.siammae.eval.jhmdb;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.Palette;
import org.siammae.eval.io.RgbFrame;
import org.siammae.eval.propagation.GridLabels;
import org.siammae.eval.propagation.PropagationSettings;
import org.siammae.eval.propagation.VideoPropagation;
import org.siammae.eval.report.CsvTable;
import org.siammae.eval.report.JsonReport;
import org.siammae.eval.report.OutputFolder;
import org.siammae.eval.report.OverlayStrip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pose propagation on JHMDB: the 15 joints of the first frame become heatmaps on the feature grid,
 * are propagated through the clip and read back as positions, and PCK is computed against the
 * annotated joints.
 *
 * <p>Output folder: {@code joints.csv} (every predicted and true joint), {@code per-clip_results.csv},
 * {@code per-joint_results.csv}, {@code global_results.csv}, {@code summary.json} and {@code
 * overlays/<class>_<clip>.png}.
 */
public final class JhmdbEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(JhmdbEvaluation.class);

    private JhmdbEvaluation() {}

    /**
     * Runs the evaluation.
     *
     * @param options the task options
     * @param propagation the protocol (its DAVIS size is not used; frames are {@code options.width
     *     x options.height})
     * @param features the feature extractor
     * @param manager where arrays live during the run
     * @param outputFolder a new or empty folder
     * @param progress receives per-frame progress
     * @return PCK and where everything was written
     * @throws Exception if reading, propagation or writing fails
     */
    public static JhmdbSummary run(
            JhmdbOptions options,
            PropagationSettings propagation,
            FrameFeatures features,
            NDManager manager,
            Path outputFolder,
            EvalProgress progress)
            throws Exception {
        Path output = OutputFolder.prepare(outputFolder);
        List<JhmdbClip> clips = JhmdbDataset.open(Path.of(options.data), options.clips);
        Instant started = Instant.now();
        int stride = features.stride();
        int frameWidth = options.width / stride * stride;
        int frameHeight = options.height / stride * stride;
        int gridWidth = frameWidth / stride;
        int gridHeight = frameHeight / stride;

        PckAccumulator all = new PckAccumulator(JointTrack.JOINTS);
        CsvTable joints = new CsvTable("Clip", "Frame", "Joint", "X", "Y", "True X", "True Y");
        List<String> header = new ArrayList<>(List.of("Clip", "Frames"));
        options.thresholds.forEach(t -> header.add("PCK@" + t));
        CsvTable perClip = new CsvTable(header.toArray(String[]::new));
        Map<String, Object> clipSummaries = new LinkedHashMap<>();

        for (JhmdbClip clip : clips) {
            JointTrack track = JointTrack.read(clip.joints());
            int frames = Math.min(track.frames(), clip.frames().size());
            if (track.frames() != clip.frames().size()) {
                LOG.warn(
                        "Clip {} has {} frames but {} annotated frames; using the first {}",
                        clip.name(),
                        clip.frames().size(),
                        track.frames(),
                        frames);
            }
            RgbFrame firstFrame = RgbFrame.read(clip.frames().get(0));
            double toGridX = (double) gridWidth / firstFrame.width();
            double toGridY = (double) gridHeight / firstFrame.height();
            double[][] firstJoints = scale(track.positions()[0], toGridX, toGridY);
            GridLabels first = JointHeatmaps.draw(firstJoints, gridHeight, gridWidth, options.sigma);

            double[][][] truth = java.util.Arrays.copyOf(track.positions(), frames);
            double[][][] predicted = new double[frames][][];
            predicted[0] = truth[0];
            double framesPerSecond =
                    VideoPropagation.run(
                            manager,
                            features,
                            clip.frames().subList(0, frames),
                            frameWidth,
                            frameHeight,
                            first,
                            propagation,
                            options.batchSize,
                            (frame, labels) -> {
                                double[][] cells = JointHeatmaps.decode(labels, options.topCells);
                                predicted[frame] = toPixels(cells, 1 / toGridX, 1 / toGridY);
                            },
                            progress,
                            clip.name());

            PckAccumulator clipPck = new PckAccumulator(JointTrack.JOINTS);
            clipPck.add(truth, predicted);
            all.add(truth, predicted);
            List<Object> row = new ArrayList<>(List.of(clip.name(), frames));
            Map<String, Object> clipSummary = new LinkedHashMap<>();
            for (double threshold : options.thresholds) {
                row.add(clipPck.pck(threshold));
                clipSummary.put("PCK@" + threshold, clipPck.pck(threshold));
            }
            clipSummary.put("frames-per-second", framesPerSecond);
            clipSummaries.put(clip.name(), clipSummary);
            perClip.add(row.toArray());
            for (int t = 0; t < frames; t++) {
                for (int j = 0; j < JointTrack.JOINTS; j++) {
                    joints.add(
                            clip.name(), t, j, predicted[t][j][0], predicted[t][j][1], truth[t][j][0], truth[t][j][1]);
                }
            }
            if (options.overlays) {
                writeOverlay(options, clip, truth, predicted, output);
            }
        }

        joints.write(output.resolve("joints.csv"));
        perClip.write(output.resolve("per-clip_results.csv"));
        List<String> globalHeader = new ArrayList<>();
        List<Object> globalRow = new ArrayList<>();
        Map<String, Object> global = new LinkedHashMap<>();
        for (double threshold : options.thresholds) {
            globalHeader.add("PCK@" + threshold);
            globalRow.add(all.pck(threshold));
            global.put("PCK@" + threshold, all.pck(threshold));
        }
        new CsvTable(globalHeader.toArray(String[]::new))
                .add(globalRow.toArray())
                .write(output.resolve("global_results.csv"));
        List<String> jointHeader = new ArrayList<>(List.of("Joint"));
        jointHeader.addAll(globalHeader);
        CsvTable perJoint = new CsvTable(jointHeader.toArray(String[]::new));
        for (int j = 0; j < JointTrack.JOINTS; j++) {
            List<Object> row = new ArrayList<>(List.of(j));
            for (double threshold : options.thresholds) {
                row.add(all.perJoint(threshold)[j]);
            }
            perJoint.add(row.toArray());
        }
        perJoint.write(output.resolve("per-joint_results.csv"));

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", "jhmdb");
        summary.put("data", Path.of(options.data).toAbsolutePath().normalize().toString());
        summary.put("started", started.toString());
        summary.put("finished", Instant.now().toString());
        summary.put("features", features.description());
        summary.put("preset", options.preset);
        summary.put("propagation", propagation.toMap());
        summary.put("evaluation-size (height x width)", frameHeight + " x " + frameWidth);
        summary.put("global", global);
        summary.put("clips", clipSummaries);
        summary.put("note", "PCK values are fractions in [0, 1]; overlays: top row prediction, bottom row ground truth");
        JsonReport.write(output.resolve("summary.json"), summary);
        LOG.info("JHMDB {}: {} over {} clips", options.data, global, clips.size());
        return new JhmdbSummary(all, clips.size(), output);
    }

    private static double[][] scale(double[][] joints, double sx, double sy) {
        double[][] out = new double[joints.length][2];
        for (int j = 0; j < joints.length; j++) {
            out[j][0] = joints[j][0] * sx;
            out[j][1] = joints[j][1] * sy;
        }
        return out;
    }

    /** Grid cells to pixels as CRW's evaluation does: {@code x / w * width}, no half-cell offset. */
    private static double[][] toPixels(double[][] cells, double sx, double sy) {
        double[][] out = new double[cells.length][2];
        for (int j = 0; j < cells.length; j++) {
            boolean invisible = cells[j][0] < 0;
            out[j][0] = invisible ? -1 : cells[j][0] * sx;
            out[j][1] = invisible ? -1 : cells[j][1] * sy;
        }
        return out;
    }

    private static void writeOverlay(
            JhmdbOptions options, JhmdbClip clip, double[][][] truth, double[][][] predicted, Path output)
            throws java.io.IOException {
        int[] stripFrames = OverlayStrip.chooseFrames(predicted.length, options.overlayFrames);
        List<RgbFrame> frames = new ArrayList<>();
        List<LabelMap> predictedMaps = new ArrayList<>();
        List<LabelMap> trueMaps = new ArrayList<>();
        for (int frame : stripFrames) {
            RgbFrame image = RgbFrame.read(clip.frames().get(frame));
            frames.add(image);
            predictedMaps.add(jointMap(predicted[frame], image.width(), image.height()));
            trueMaps.add(jointMap(truth[frame], image.width(), image.height()));
        }
        OverlayStrip.write(
                output.resolve("overlays").resolve(clip.name().replace('/', '_') + ".png"),
                frames,
                predictedMaps,
                trueMaps,
                Palette.davis(),
                options.overlayWidth);
    }

    /** Draws each visible joint as a 5 x 5 square labelled with its index plus one. */
    private static LabelMap jointMap(double[][] joints, int width, int height) {
        byte[] values = new byte[width * height];
        for (int j = 0; j < joints.length; j++) {
            if (joints[j][0] < 0) {
                continue;
            }
            int cx = (int) Math.round(joints[j][0]);
            int cy = (int) Math.round(joints[j][1]);
            for (int y = cy - 2; y <= cy + 2; y++) {
                for (int x = cx - 2; x <= cx + 2; x++) {
                    if (x >= 0 && y >= 0 && x < width && y < height) {
                        values[y * width + x] = (byte) (j + 1);
                    }
                }
            }
        }
        return LabelMap.wrap(width, height, values);
    }
}
