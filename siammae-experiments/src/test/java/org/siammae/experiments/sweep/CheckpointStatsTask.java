package org.siammae.experiments.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.siammae.api.checkpoint.TensorFile;
import org.siammae.api.config.Tunable;
import org.siammae.experiments.evaluate.EvaluationResult;
import org.siammae.experiments.evaluate.EvaluationTask;
import org.siammae.experiments.model.ModelCheckpoint;

/**
 * An evaluation for tests whose figures come from the checkpoint itself. It reports the target
 * masking ratio the checkpoint was trained with, so each cell of a masking sweep has its own
 * value, and the mean absolute value of its weights, which differs between seeds.
 */
final class CheckpointStatsTask implements EvaluationTask {

    static final String NAME = "checkpoint-stats";

    /** Evaluations run in this JVM, to check that finished ones are not run again. */
    static final AtomicInteger CALLS = new AtomicInteger();

    /** Options of the test task. */
    static final class Options {

        @Tunable(description = "a folder that must exist (checked before compute); empty names none")
        String data = "";

        @Tunable(description = "whether the evaluation throws, to test failing runs")
        boolean fail = false;
    }

    private final Options options;

    CheckpointStatsTask(Options options) {
        this.options = options;
    }

    @Override
    public EvaluationResult evaluate(Path checkpoint, Path outputDirectory) throws IOException {
        CALLS.incrementAndGet();
        if (options.fail) {
            throw new IOException("evaluation failed on purpose");
        }
        ModelCheckpoint.Info info = ModelCheckpoint.find(checkpoint);
        Map<?, ?> masking = (Map<?, ?>) info.modelSection().get("masking");
        Object ratio = masking.containsKey("target-ratio") ? masking.get("target-ratio") : masking.get("ratio");
        double sum = 0;
        long count = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (NDArray weight : TensorFile.read(info.folder().resolve(ModelCheckpoint.MODEL_FILE), manager).values()) {
                sum += weight.abs().sum().getFloat();
                count += weight.size();
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("target-ratio", ((Number) ratio).doubleValue());
        metrics.put("mean-abs-weight", sum / count);
        Files.createDirectories(outputDirectory);
        Path summary = Files.writeString(outputDirectory.resolve("summary.json"), metrics.toString());
        return new EvaluationResult(NAME, metrics, summary);
    }
}
