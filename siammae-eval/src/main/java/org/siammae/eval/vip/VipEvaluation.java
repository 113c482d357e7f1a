package org.siammae.eval.vip;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.features.FrameSize;
import org.siammae.eval.features.ResizeRule;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.LabelPngs;
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
 * Human part propagation on VIP: the first frame's part labels are propagated through each video
 * and scored by mean IoU over one confusion matrix pooled over all frames of all videos, the first
 * frame included.
 *
 * <p>The first frame's prediction is its annotation taken to the grid and back (as CRW does), not
 * the annotation itself. The label set of a video is the set of classes in its first frame.
 *
 * <p>Output folder: {@code predictions/<video>/<frame>.png} (class ids as palette indices), {@code
 * per-video_results.csv}, {@code per-class_iou.csv}, {@code global_results.csv}, {@code
 * summary.json} and {@code overlays/<video>.png}.
 */
public final class VipEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(VipEvaluation.class);

    private VipEvaluation() {}

    /** The outcome of a run: the pooled confusion matrix and where everything was written. */
    public record Summary(ConfusionMatrix confusion, Map<String, Double> perVideo, Path outputFolder) {

        /** Returns the mean IoU over the classes present, a fraction in [0, 1]. */
        public double meanIou() {
            return confusion.meanIou();
        }
    }

    /**
     * Runs the evaluation.
     *
     * @param options the task options; {@code top-k} replaces the preset's
     * @param propagation the protocol
     * @param features the feature extractor
     * @param manager where arrays live during the run
     * @param outputFolder a new or empty folder
     * @param progress receives per-frame progress
     * @return mean IoU and where everything was written
     * @throws Exception if reading, propagation or writing fails
     */
    public static Summary run(
            VipOptions options,
            PropagationSettings propagation,
            FrameFeatures features,
            NDManager manager,
            Path outputFolder,
            EvalProgress progress)
            throws Exception {
        Path output = OutputFolder.prepare(outputFolder);
        List<VipVideo> videos = VipDataset.open(Path.of(options.data), options.videos);
        PropagationSettings settings = propagation.withTopK(options.topK);
        FrameSize size = new FrameSize(ResizeRule.LONG_SIDE, 0, 0, options.longSide, 1);
        Instant started = Instant.now();
        ConfusionMatrix all = new ConfusionMatrix(options.classes);
        Map<String, Double> perVideo = new LinkedHashMap<>();
        CsvTable videoTable = new CsvTable("Video", "Frames", "mIoU", "Frames per second");

        for (VipVideo video : videos) {
            ConfusionMatrix own = new ConfusionMatrix(options.classes);
            LabelMap firstTruth = LabelPngs.readLabels(video.annotations().get(0));
            int[] channelLabels = presentClasses(firstTruth, options.classes);
            RgbFrame firstFrame = RgbFrame.read(video.frames().get(0));
            int[] evalSize = size.apply(firstFrame.width(), firstFrame.height(), features.stride());
            GridLabels first =
                    GridLabels.fromLabelMap(
                            firstTruth, channelLabels, evalSize[0], evalSize[1], features.stride(), settings.labelDownsampling());
            Path folder = Files.createDirectories(output.resolve("predictions").resolve(video.name()));
            int[] stripFrames = OverlayStrip.chooseFrames(video.frames().size(), options.overlayFrames);
            Map<Integer, LabelMap> stripPredictions = new LinkedHashMap<>();
            Map<Integer, LabelMap> stripTruth = new LinkedHashMap<>();

            LabelMap firstPrediction =
                    first.toLabelMap(
                            channelLabels, evalSize[0], evalSize[1], firstTruth.width(), firstTruth.height(),
                            settings.labelUpsampling(), settings.normalizeChannels());
            record(video, 0, firstPrediction, firstTruth, folder, all, own, stripFrames, stripPredictions, stripTruth);
            double framesPerSecond =
                    VideoPropagation.run(
                            manager,
                            features,
                            video.frames(),
                            evalSize[0],
                            evalSize[1],
                            first,
                            settings,
                            options.batchSize,
                            (frame, labels) -> {
                                LabelMap truth = LabelPngs.readLabels(video.annotations().get(frame));
                                LabelMap prediction =
                                        labels.toLabelMap(
                                                channelLabels, evalSize[0], evalSize[1], truth.width(), truth.height(),
                                                settings.labelUpsampling(), settings.normalizeChannels());
                                record(video, frame, prediction, truth, folder, all, own, stripFrames, stripPredictions, stripTruth);
                            },
                            progress,
                            video.name());
            perVideo.put(video.name(), own.meanIou());
            videoTable.add(video.name(), video.frames().size(), own.meanIou(), framesPerSecond);
            if (options.overlays) {
                List<RgbFrame> frames = new ArrayList<>();
                for (int frame : stripFrames) {
                    frames.add(RgbFrame.read(video.frames().get(frame)));
                }
                OverlayStrip.write(
                        output.resolve("overlays").resolve(video.name() + ".png"),
                        frames,
                        new ArrayList<>(stripPredictions.values()),
                        new ArrayList<>(stripTruth.values()),
                        Palette.davis(),
                        options.overlayWidth);
            }
        }

        videoTable.write(output.resolve("per-video_results.csv"));
        CsvTable classTable = new CsvTable("Class", "IoU");
        double[] iou = all.iou();
        for (int c = 0; c < iou.length; c++) {
            classTable.add(c, iou[c]);
        }
        classTable.write(output.resolve("per-class_iou.csv"));
        new CsvTable("mIoU").add(all.meanIou()).write(output.resolve("global_results.csv"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", "vip");
        summary.put("data", Path.of(options.data).toAbsolutePath().normalize().toString());
        summary.put("started", started.toString());
        summary.put("finished", Instant.now().toString());
        summary.put("features", features.description());
        summary.put("preset", options.preset);
        summary.put("propagation", settings.toMap());
        summary.put("mIoU", all.meanIou());
        summary.put("videos", perVideo);
        summary.put("note", "mIoU is a fraction in [0, 1]; overlays: top row prediction, bottom row ground truth");
        JsonReport.write(output.resolve("summary.json"), summary);
        LOG.info("VIP {}: mIoU {} over {} videos", options.data, all.meanIou(), videos.size());
        return new Summary(all, perVideo, output);
    }

    private static void record(
            VipVideo video,
            int frame,
            LabelMap prediction,
            LabelMap truth,
            Path folder,
            ConfusionMatrix all,
            ConfusionMatrix own,
            int[] stripFrames,
            Map<Integer, LabelMap> stripPredictions,
            Map<Integer, LabelMap> stripTruth)
            throws java.io.IOException {
        all.add(truth, prediction);
        own.add(truth, prediction);
        String stem = org.siammae.eval.davis.DavisSequence.stem(video.frames().get(frame));
        LabelPngs.writeIndexed(folder.resolve(stem + ".png"), prediction, Palette.davis());
        for (int index : stripFrames) {
            if (index == frame) {
                stripPredictions.put(frame, prediction);
                stripTruth.put(frame, truth);
            }
        }
    }

    /** Returns the sorted classes of a label map that are below the class count. */
    static int[] presentClasses(LabelMap labels, int classes) {
        TreeSet<Integer> present = new TreeSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.at(i) < classes) {
                present.add(labels.at(i));
            }
        }
        if (present.isEmpty()) {
            present.add(0);
        }
        return present.stream().mapToInt(Integer::intValue).toArray();
    }
}
