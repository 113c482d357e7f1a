package org.siammae.experiments.evaluate;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.eval.EvalRequest;
import org.siammae.eval.EvalRunner;
import org.siammae.eval.LoggingProgress;
import org.siammae.eval.features.FrameFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code evaluate:} section of a pretraining descriptor: after training, each entry runs with
 * the final checkpoint's encoder, writing into {@code <run>/eval/<index>-<task>-<preset>}.
 */
public final class EvaluationStep {

    /** The descriptor key of the section. */
    public static final String KEY = "evaluate";

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationStep.class);

    private EvaluationStep() {}

    /**
     * Checks every entry, adding problems with their key paths ({@code evaluate.0.top-k}).
     *
     * @param entries the section as written
     * @param problems the descriptor's problem collector
     * @param context the context with the component registry
     * @return the bound requests; entries with problems are left out
     */
    public static List<EvalRequest> check(
            List<Object> entries, ConfigProblems problems, ComponentContext context) {
        List<EvalRequest> requests = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String keyPath = KEY + "." + i;
            if (!(entries.get(i) instanceof Map<?, ?> map)) {
                problems.add(keyPath, "must be a mapping such as {task: davis, data: <folder>}");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> entry = (Map<String, ?>) map;
            EvalRequest request = EvalRequest.check(entry, keyPath, problems, context);
            if (request != null) {
                requests.add(request);
            }
        }
        return requests;
    }

    /**
     * Runs every entry with a checkpoint's encoder.
     *
     * @param entries the section as written
     * @param location where the descriptor came from, for messages
     * @param context the context with the component registry
     * @param runFolder the run folder; results go to its {@code eval} folder
     * @param checkpoint the checkpoint whose encoder is evaluated
     * @return the headline numbers of each entry
     * @throws Exception if an entry is invalid or its run fails
     */
    public static List<EvalRunner.Result> run(
            List<Object> entries,
            ConfigLocation location,
            ComponentContext context,
            Path runFolder,
            Path checkpoint)
            throws Exception {
        ConfigProblems problems = new ConfigProblems(location);
        List<EvalRequest> requests = check(entries, problems, context);
        problems.throwIfAny();
        List<EvalRunner.Result> results = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            FrameFeatures features =
                    FeatureChoice.CHECKPOINT.build(
                            checkpoint, 0, PositionalEmbeddingMode.INTERPOLATE, 0, manager, context.registry());
            for (int i = 0; i < requests.size(); i++) {
                EvalRequest request = requests.get(i);
                Path output =
                        runFolder.resolve("eval").resolve(i + "-" + request.task().key() + "-" + request.options().preset);
                EvalRunner.Result result =
                        EvalRunner.run(request, features, manager, output, new LoggingProgress());
                LOG.info("{} -> {}", result.headline(), output);
                results.add(result);
            }
        }
        return results;
    }
}
