package org.siammae.eval.davis;

import ai.djl.ndarray.NDManager;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.io.LabelImage;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.LabelPngs;
import org.siammae.eval.io.Palette;
import org.siammae.eval.io.RgbFrame;
import org.siammae.eval.propagation.GridLabels;
import org.siammae.eval.propagation.PropagationSettings;
import org.siammae.eval.propagation.VideoPropagation;
import org.siammae.eval.report.JsonReport;
import org.siammae.eval.report.OutputFolder;
import org.siammae.eval.report.OverlayStrip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semi-supervised video object segmentation on DAVIS by label propagation: propagates each
 * sequence's first annotation, writes the predicted masks in the official results layout and
 * scores that folder with {@link DavisResultsScorer}.
 *
 * <p>Output folder: {@code predictions/<sequence>/<frame>.png} (palette PNGs at the annotation
 * size; frame 0 is the given annotation), {@code global_results.csv}, {@code
 * per-object_results.csv}, {@code per-sequence_results.csv}, {@code summary.json} and {@code
 * overlays/<sequence>.png}.
 */
public final class DavisEvaluation {

    /** The results folder inside the output folder. */
    public static final String PREDICTIONS = "predictions";

    private static final Logger LOG = LoggerFactory.getLogger(DavisEvaluation.class);

    private DavisEvaluation() {}

    /**
     * Runs the evaluation.
     *
     * @param options the task options
     * @param propagation the protocol; its DAVIS size sets the evaluation resolution
     * @param features the feature extractor
     * @param manager where arrays live during the run
     * @param outputFolder a new or empty folder
     * @param progress receives per-frame and per-sequence progress
     * @return the scores and where everything was written
     * @throws Exception if reading, propagation or writing fails
     */
    public static DavisSummary run(
            DavisOptions options,
            PropagationSettings propagation,
            FrameFeatures features,
            NDManager manager,
            Path outputFolder,
            EvalProgress progress)
            throws Exception {
        Path output = OutputFolder.prepare(outputFolder);
        DavisDataset dataset =
                DavisDataset.open(
                        Path.of(options.data),
                        options.resolution,
                        options.subset,
                        options.sequences,
                        options.format);
        Instant started = Instant.now();
        Map<String, Double> speed = new LinkedHashMap<>();
        Map<String, Object> sizes = new LinkedHashMap<>();
        for (DavisSequence sequence : dataset.sequences()) {
            int[] size =
                    propagateSequence(
                            options, propagation, features, manager, dataset, sequence, output,
                            progress, speed);
            sizes.put(sequence.name(), size[1] + " x " + size[0]);
        }
        DavisScores scores =
                new DavisResultsScorer(new DavisScorer(options.boundThreshold))
                        .score(dataset, output.resolve(PREDICTIONS), progress);
        DavisReport.writeTables(output, scores);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", "davis");
        summary.put("data", dataset.root().toAbsolutePath().normalize().toString());
        summary.put("started", started.toString());
        summary.put("finished", Instant.now().toString());
        summary.put("features", features.description());
        summary.put("preset", options.preset);
        summary.put("propagation", propagation.toMap());
        summary.put("evaluation-size (height x width)", sizes);
        summary.put("frames-per-second", speed);
        summary.put("scored-sequences", scores.bySequence().size());
        summary.put("scores", DavisReport.toMap(scores));
        summary.put("note", "scores are fractions in [0, 1]; overlays: top row prediction, bottom row ground truth");
        JsonReport.write(output.resolve("summary.json"), summary);
        LOG.info(
                "DAVIS {}: J&F-Mean {} J-Mean {} F-Mean {} (percent) over {} object(s)",
                dataset.root(),
                String.format(Locale.ROOT, "%.2f", 100 * scores.jfMean()),
                String.format(Locale.ROOT, "%.2f", 100 * scores.jMean()),
                String.format(Locale.ROOT, "%.2f", 100 * scores.fMean()),
                scores.objects().size());
        return new DavisSummary(scores, speed, output);
    }

    /**
     * Scores an existing results folder in the official layout ({@code <results>/<sequence>/<frame>.png}),
     * for predictions made by any tool, and writes the tables and {@code summary.json}.
     *
     * @param options the task options (data, sequences, format, boundary tolerance)
     * @param results the results folder
     * @param outputFolder a new or empty folder for the tables
     * @param progress receives one unit per sequence
     * @return the scores
     * @throws Exception if a prediction is missing, unreadable or has an id the ground truth lacks
     */
    public static DavisScores scoreResults(
            DavisOptions options, Path results, Path outputFolder, EvalProgress progress)
            throws Exception {
        DavisDataset dataset =
                DavisDataset.open(
                        Path.of(options.data),
                        options.resolution,
                        options.subset,
                        options.sequences,
                        options.format);
        OutputFolder.requireUsable(outputFolder);
        DavisScores scores =
                new DavisResultsScorer(new DavisScorer(options.boundThreshold))
                        .score(dataset, results, progress);
        Path output = OutputFolder.prepare(outputFolder);
        DavisReport.writeTables(output, scores);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", "davis");
        summary.put("data", dataset.root().toAbsolutePath().normalize().toString());
        summary.put("results", results.toAbsolutePath().normalize().toString());
        summary.put("finished", Instant.now().toString());
        summary.put("scores", DavisReport.toMap(scores));
        summary.put("note", "scores are fractions in [0, 1]");
        JsonReport.write(output.resolve("summary.json"), summary);
        return scores;
    }

    private static int[] propagateSequence(
            DavisOptions options,
            PropagationSettings propagation,
            FrameFeatures features,
            NDManager manager,
            DavisDataset dataset,
            DavisSequence sequence,
            Path output,
            EvalProgress progress,
            Map<String, Double> speed)
            throws Exception {
        LabelImage firstImage = LabelPngs.read(sequence.annotations().get(0));
        LabelMap firstIds = dataset.format().objectIds(firstImage).replace(255, 0);
        IndexColorModel palette = firstImage.palette().orElse(Palette.davis());
        int objects = firstIds.max();
        int[] channelLabels = new int[objects + 1];
        for (int c = 0; c <= objects; c++) {
            channelLabels[c] = c;
        }
        RgbFrame firstFrame = RgbFrame.read(sequence.frames().get(0));
        int[] size =
                propagation.davisSize().apply(firstFrame.width(), firstFrame.height(), features.stride());
        int frameWidth = size[0];
        int frameHeight = size[1];
        GridLabels first =
                GridLabels.fromLabelMap(
                        firstIds,
                        channelLabels,
                        frameWidth,
                        frameHeight,
                        features.stride(),
                        propagation.labelDownsampling());

        Path folder = Files.createDirectories(output.resolve(PREDICTIONS).resolve(sequence.name()));
        LabelPngs.writeIndexed(folder.resolve(sequence.frameId(0) + ".png"), firstIds, palette);
        int[] stripFrames = OverlayStrip.chooseFrames(sequence.frames().size(), options.overlayFrames);
        Map<Integer, LabelMap> stripPredictions = new LinkedHashMap<>();
        stripPredictions.put(0, firstIds);
        double framesPerSecond =
                VideoPropagation.run(
                        manager,
                        features,
                        sequence.frames(),
                        frameWidth,
                        frameHeight,
                        first,
                        propagation,
                        options.batchSize,
                        (frame, labels) -> {
                            LabelMap prediction =
                                    labels.toLabelMap(
                                            channelLabels,
                                            frameWidth,
                                            frameHeight,
                                            firstIds.width(),
                                            firstIds.height(),
                                            propagation.labelUpsampling(),
                                            propagation.normalizeChannels());
                            LabelPngs.writeIndexed(
                                    folder.resolve(sequence.frameId(frame) + ".png"), prediction, palette);
                            if (contains(stripFrames, frame)) {
                                stripPredictions.put(frame, prediction);
                            }
                        },
                        progress,
                        sequence.name());
        speed.put(sequence.name(), framesPerSecond);
        if (options.overlays) {
            writeOverlay(options, dataset, sequence, stripFrames, stripPredictions, palette, output);
        }
        return size;
    }

    private static void writeOverlay(
            DavisOptions options,
            DavisDataset dataset,
            DavisSequence sequence,
            int[] stripFrames,
            Map<Integer, LabelMap> predictions,
            IndexColorModel palette,
            Path output)
            throws IOException {
        List<RgbFrame> frames = new ArrayList<>();
        List<LabelMap> predicted = new ArrayList<>();
        List<LabelMap> truth = new ArrayList<>();
        for (int frame : stripFrames) {
            frames.add(RgbFrame.read(sequence.frames().get(frame)));
            predicted.add(predictions.get(frame));
            Path annotation = annotationOf(sequence, frame);
            truth.add(
                    annotation == null
                            ? null
                            : dataset.format().objectIds(LabelPngs.read(annotation)).replace(255, 0));
        }
        OverlayStrip.write(
                output.resolve("overlays").resolve(sequence.name() + ".png"),
                frames,
                predicted,
                truth,
                palette,
                options.overlayWidth);
    }

    private static Path annotationOf(DavisSequence sequence, int frame) {
        String id = sequence.frameId(frame);
        for (Path annotation : sequence.annotations()) {
            if (DavisSequence.stem(annotation).equals(id)) {
                return annotation;
            }
        }
        return null;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
