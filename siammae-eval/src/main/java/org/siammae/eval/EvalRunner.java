package org.siammae.eval;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.siammae.eval.davis.DavisDataset;
import org.siammae.eval.davis.DavisEvaluation;
import org.siammae.eval.davis.DavisOptions;
import org.siammae.eval.davis.DavisScores;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.jhmdb.JhmdbDataset;
import org.siammae.eval.jhmdb.JhmdbEvaluation;
import org.siammae.eval.jhmdb.JhmdbOptions;
import org.siammae.eval.jhmdb.JhmdbSummary;
import org.siammae.eval.vip.VipDataset;
import org.siammae.eval.vip.VipEvaluation;
import org.siammae.eval.vip.VipOptions;

/** Runs any {@link EvalRequest}: the one entry point the command line and descriptors call. */
public final class EvalRunner {

    private EvalRunner() {}

    /**
     * The headline numbers of a run.
     *
     * @param task the task
     * @param metrics the global measures by name, fractions in [0, 1]
     * @param outputFolder where the run wrote its files
     */
    public record Result(EvalTask task, Map<String, Double> metrics, Path outputFolder) {

        /** Returns the measures as one line, in percent as papers report them. */
        public String headline() {
            StringBuilder line = new StringBuilder(task.key());
            if (metrics.isEmpty()) {
                return line.append("  no video could be scored (see the log); predictions were written")
                        .toString();
            }
            metrics.forEach(
                    (name, value) ->
                            line.append(String.format(Locale.ROOT, "  %s %.2f", name, 100 * value)));
            return line.toString();
        }
    }

    /**
     * Runs an evaluation.
     *
     * @param request the task, its options and the protocol
     * @param features the feature extractor
     * @param manager where arrays live during the run
     * @param outputFolder a new or empty folder
     * @param progress receives progress
     * @return the headline numbers
     * @throws Exception if the run fails
     */
    public static Result run(
            EvalRequest request,
            FrameFeatures features,
            NDManager manager,
            Path outputFolder,
            EvalProgress progress)
            throws Exception {
        Map<String, Double> metrics = new LinkedHashMap<>();
        switch (request.task()) {
            case DAVIS -> {
                DavisScores scores =
                        DavisEvaluation.run(
                                        (DavisOptions) request.options(),
                                        request.propagation(),
                                        features,
                                        manager,
                                        outputFolder,
                                        progress)
                                .scores();
                if (!scores.objects().isEmpty()) {
                    metrics.put("J&F-Mean", scores.jfMean());
                    metrics.put("J-Mean", scores.jMean());
                    metrics.put("F-Mean", scores.fMean());
                }
            }
            case JHMDB -> {
                JhmdbOptions options = (JhmdbOptions) request.options();
                JhmdbSummary summary =
                        JhmdbEvaluation.run(
                                options, request.propagation(), features, manager, outputFolder, progress);
                for (double threshold : options.thresholds) {
                    metrics.put("PCK@" + threshold, summary.pck(threshold));
                }
            }
            case VIP -> {
                VipEvaluation.Summary summary =
                        VipEvaluation.run(
                                (VipOptions) request.options(),
                                request.propagation(),
                                features,
                                manager,
                                outputFolder,
                                progress);
                metrics.put("mIoU", summary.meanIou());
            }
            default -> throw new IllegalStateException("unknown task " + request.task());
        }
        return new Result(request.task(), metrics, outputFolder);
    }

    /**
     * Opens the task's dataset as the run will, so that a wrong folder or a misspelt sequence, clip
     * or video name is reported before features are computed. It reads folder listings only.
     *
     * @param request the task and its options
     * @throws IOException if the dataset folder or a part of its layout is missing
     * @throws IllegalArgumentException if a requested name is not in the dataset
     */
    public static void checkData(EvalRequest request) throws IOException {
        Path root = Path.of(request.options().data);
        switch (request.task()) {
            case DAVIS -> {
                DavisOptions options = (DavisOptions) request.options();
                DavisDataset.open(root, options.resolution, options.subset, options.sequences, options.format);
            }
            case JHMDB -> JhmdbDataset.open(root, ((JhmdbOptions) request.options()).clips);
            case VIP -> VipDataset.open(root, ((VipOptions) request.options()).videos);
            default -> throw new IllegalStateException("unknown task " + request.task());
        }
    }
}
