package org.siammae.eval.bench;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import org.siammae.eval.LoggingProgress;
import org.siammae.eval.davis.DavisEvaluation;
import org.siammae.eval.davis.DavisOptions;
import org.siammae.eval.davis.DavisScores;
import org.siammae.eval.davis.DavisSummary;
import org.siammae.eval.features.RawPixelFeatures;
import org.siammae.eval.jhmdb.JhmdbEvaluation;
import org.siammae.eval.jhmdb.JhmdbOptions;
import org.siammae.eval.jhmdb.JhmdbSummary;
import org.siammae.eval.propagation.PropagationOptions;

/**
 * Real runs with the raw-pixel baseline, until the command line can run them: {@code davis DATA
 * OUT [PATCH]} and {@code jhmdb DATA OUT [PATCH]}. Run with {@code mvn -o -q -pl siammae-eval
 * exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.siammae.eval.bench.RawPixelRuns
 * -Dexec.args="davis ../shared/data/davis2016 /tmp/out"}.
 */
public final class RawPixelRuns {

    private RawPixelRuns() {}

    /**
     * Runs one task.
     *
     * @param args task, data folder, output folder, optional patch size (default 16)
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        String task = args[0];
        Path data = Path.of(args[1]);
        Path output = Path.of(args[2]);
        int patch = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        RawPixelFeatures features = new RawPixelFeatures(patch);
        try (NDManager manager = NDManager.newBaseManager()) {
            if (task.equals("davis")) {
                DavisOptions options = new DavisOptions();
                options.data = data.toString();
                DavisSummary summary =
                        DavisEvaluation.run(
                                options,
                                PropagationOptions.siammae().toSettings(),
                                features,
                                manager,
                                output,
                                new LoggingProgress());
                DavisScores scores = summary.scores();
                for (var entry : scores.bySequence().entrySet()) {
                    DavisScores s = entry.getValue();
                    System.out.printf(
                            Locale.ROOT,
                            "%-12s J&F %.4f  J %.4f  F %.4f  %.2f frames/s%n",
                            entry.getKey(),
                            s.jfMean(),
                            s.jMean(),
                            s.fMean(),
                            summary.framesPerSecond().get(entry.getKey()));
                }
                System.out.printf(
                        Locale.ROOT,
                        "overall      J&F %.4f  J %.4f  F %.4f%n",
                        scores.jfMean(),
                        scores.jMean(),
                        scores.fMean());
            } else if (task.equals("jhmdb")) {
                JhmdbOptions options = new JhmdbOptions();
                options.data = data.toString();
                JhmdbSummary summary =
                        JhmdbEvaluation.run(
                                options,
                                PropagationOptions.siammae().toSettings(),
                                features,
                                manager,
                                output,
                                new LoggingProgress());
                System.out.printf(
                        Locale.ROOT,
                        "PCK@0.1 %.4f  PCK@0.2 %.4f over %d clips%n",
                        summary.pck(0.1),
                        summary.pck(0.2),
                        summary.clips());
            } else {
                throw new IllegalArgumentException("unknown task " + task + "; use davis or jhmdb");
            }
        }
    }
}
