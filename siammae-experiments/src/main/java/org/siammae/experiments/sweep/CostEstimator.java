package org.siammae.experiments.sweep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.SiamMae;
import org.siammae.api.nn.ParameterInit;
import org.siammae.api.nn.ParameterPaths;
import org.siammae.api.random.RunRandom;
import org.siammae.data.DataPipeline;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.train.Pretrainer;
import org.siammae.experiments.train.TrainSettings;

/**
 * Estimates the pretraining cost of runs for {@code run --dry-run}: steps, parameters and seconds
 * per step. Seconds per step come from the first source available:
 *
 * <ol>
 *   <li>the run's own loss log (wall time between logged steps, data loading included);
 *   <li>the log of another run of the same model and batch;
 *   <li>the fastest of 3 timed forward and backward passes of the built model on random frames at
 *       up to 4 samples, after one untimed pass, scaled linearly to the batch size. Data loading
 *       and the optimiser step are left out, so this source underestimates.
 * </ol>
 *
 * <p>Evaluation time is not estimated.
 */
public final class CostEstimator {

    private static final int MEASURED_BATCH = 4;
    private static final int TIMED_PASSES = 3;

    /**
     * The estimate of one run.
     *
     * @param run the run
     * @param status the run's status
     * @param totalSteps optimiser steps of the whole run
     * @param doneSteps steps in its newest checkpoint
     * @param parameters trainable values of the model
     * @param secondsPerStep estimated seconds per optimiser step, NaN when not estimated
     * @param source how {@code secondsPerStep} was found
     */
    public record Estimate(
            CellRun run, CellFolder.Status status, long totalSteps, long doneSteps, long parameters,
            double secondsPerStep, String source) {

        /** Returns the estimated seconds of pretraining left. */
        public double remainingSeconds() {
            return status == CellFolder.Status.NEW || status == CellFolder.Status.PRETRAINING
                    ? Math.max(0, totalSteps - doneSteps) * secondsPerStep
                    : 0;
        }
    }

    private record ModelCost(long parameters, double secondsPerStep) {}

    private final ComponentRegistry registry;
    private final boolean measure;
    private final Map<String, Integer> batchesPerEpoch = new HashMap<>();
    private final Map<String, ModelCost> modelCosts = new HashMap<>();

    /**
     * Creates an estimator.
     *
     * @param registry the component registry
     * @param measure whether to time passes of runs that have no log to learn from
     */
    public CostEstimator(ComponentRegistry registry, boolean measure) {
        this.registry = registry;
        this.measure = measure;
    }

    /**
     * Estimates every run.
     *
     * @param runs the runs
     * @throws IOException if data must be indexed to count steps and cannot be read
     */
    public List<Estimate> estimate(List<CellRun> runs) throws IOException {
        Map<String, double[]> logged = new HashMap<>();
        for (CellRun run : runs) {
            double rate = loggedSecondsPerStep(run.folder());
            if (!Double.isNaN(rate)) {
                logged.putIfAbsent(modelKey(run.spec()), new double[] {rate});
            }
        }
        List<Estimate> estimates = new ArrayList<>();
        for (CellRun run : runs) {
            ExperimentSpec spec = run.spec();
            TrainSettings train = spec.train();
            long steps = train.totalSteps(train.lengthDependsOnData() ? batchesPerEpoch(spec) : 1);
            ModelCost cost = modelCost(spec);
            double rate = loggedSecondsPerStep(run.folder());
            String source;
            if (!Double.isNaN(rate)) {
                source = "this run's log";
            } else if (logged.containsKey(modelKey(spec))) {
                rate = logged.get(modelKey(spec))[0];
                source = "log of a run with the same model";
            } else {
                rate = cost.secondsPerStep();
                source = Double.isNaN(rate) ? "not measured" : "timed passes, data loading excluded";
            }
            estimates.add(new Estimate(run, CellFolder.status(run), steps, CellFolder.completedSteps(run.folder()),
                    cost.parameters(), rate, source));
        }
        return estimates;
    }

    private int batchesPerEpoch(ExperimentSpec spec) throws IOException {
        String key = String.valueOf(spec.descriptor().root().get("data"));
        Integer known = batchesPerEpoch.get(key);
        if (known != null) {
            return known;
        }
        ComponentContext context = context(spec);
        ModelGeometry geometry = spec.model().geometry(spec.data().framesPerSample(context));
        try (DataPipeline data = DataPipeline.open(spec.data(), geometry, context)) {
            batchesPerEpoch.put(key, data.batchesPerEpoch());
            return data.batchesPerEpoch();
        }
    }

    private ModelCost modelCost(ExperimentSpec spec) {
        return modelCosts.computeIfAbsent(modelKey(spec), key -> measureModel(spec));
    }

    private ModelCost measureModel(ExperimentSpec spec) {
        ComponentContext context = context(spec);
        RunRandom random = context.random();
        ModelGeometry geometry = spec.model().geometry(spec.data().framesPerSample(context));
        Device device = Pretrainer.device(spec.train().device());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            SiamMae model = spec.model().build(geometry, context);
            ParameterInit.initialize(model, manager, random.stream("init"));
            long parameters = ParameterPaths.of(model).values().stream()
                    .mapToLong(p -> p.getArray().getShape().size()).sum();
            if (!measure) {
                return new ModelCost(parameters, Double.NaN);
            }
            int batch = Math.min(spec.data().batchSize(), MEASURED_BATCH);
            ParameterStore store = new ParameterStore(manager, false);
            double[] seconds = new double[TIMED_PASSES + 1];
            for (int repeat = 0; repeat < seconds.length; repeat++) {
                // The first pass warms up the engine and is not counted. The frames only time a
                // pass, so they may come from the engine's generator: no run result depends on them.
                try (NDManager scratch = manager.newSubManager()) {
                    NDArray frames = scratch.randomNormal(new Shape(batch, geometry.frames(),
                            geometry.channels(), geometry.imageHeight(), geometry.imageWidth())); // (B, T, C, H, W)
                    FrameMasks masks = model.sampleMasks(batch, random.stream("cost/" + repeat));
                    long started = System.nanoTime();
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(model.forward(store, frames, masks, true).loss());
                    }
                    seconds[repeat] = (System.nanoTime() - started) / 1e9;
                }
            }
            // The fastest timed pass, so that passes slowed by other processes on the machine do
            // not count.
            double fastest = Arrays.stream(seconds, 1, seconds.length).min().orElseThrow();
            double perSample = fastest / batch;
            return new ModelCost(
                    parameters, perSample * spec.data().batchSize() * spec.train().gradientAccumulation());
        }
    }

    private ComponentContext context(ExperimentSpec spec) {
        return ComponentContext.of(registry, new RunRandom(spec.seed()), Path.of("").toAbsolutePath());
    }

    private static String modelKey(ExperimentSpec spec) {
        return spec.descriptor().root().get("model") + "|" + spec.data().batchSize() + "|"
                + spec.train().gradientAccumulation() + "|" + spec.train().device();
    }

    /**
     * Returns the mean seconds per step of the last invocation in a run's loss log, or NaN when it
     * has fewer than 3 rows.
     */
    static double loggedSecondsPerStep(Path folder) {
        Path log = folder.resolve("metrics.csv");
        if (!Files.isRegularFile(log)) {
            return Double.NaN;
        }
        List<double[]> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] fields = line.split(",");
                if (fields.length < 6 || !fields[0].matches("\\d+")) {
                    continue;
                }
                double step = Double.parseDouble(fields[0]);
                double elapsed = Double.parseDouble(fields[5]);
                if (!rows.isEmpty() && elapsed < rows.get(rows.size() - 1)[1]) {
                    rows.clear(); // a later invocation restarted the clock
                }
                rows.add(new double[] {step, elapsed});
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        if (rows.size() < 3) {
            return Double.NaN;
        }
        double[] first = rows.get(0);
        double[] last = rows.get(rows.size() - 1);
        return last[0] > first[0] ? (last[1] - first[1]) / (last[0] - first[0]) : Double.NaN;
    }
}
