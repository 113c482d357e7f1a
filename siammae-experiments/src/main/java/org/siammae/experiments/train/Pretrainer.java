package org.siammae.experiments.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.siammae.api.checkpoint.TensorFile;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigException;
import org.siammae.api.data.SampleBatch;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.SiamMae;
import org.siammae.api.nn.ParameterInit;
import org.siammae.api.nn.ParameterPaths;
import org.siammae.api.nn.Scalars;
import org.siammae.api.random.RunRandom;
import org.siammae.data.DataPipeline;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.model.ModelCheckpoint;
import org.siammae.experiments.run.Provenance;
import org.siammae.experiments.run.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pretraining loop. Each step takes a batch from the data pipeline and masks from the run's
 * masking stream, runs a forward and backward pass and an AdamW step. Progress, the loss log and
 * checkpoints go to the run folder.
 *
 * <p>Every random draw comes from the run seed: weights from the {@code init} stream, masks of step
 * {@code s} from the stream {@code masking/s}, and data from the pipeline's own seeded workers, so
 * equal seeds give equal loss sequences and a resumed run continues the same sequence.
 */
public final class Pretrainer {

    private static final Logger LOG = LoggerFactory.getLogger(Pretrainer.class);

    /** The key in {@code summary.json} of the mean loss of the run's last log interval. */
    public static final String SUMMARY_FINAL_LOSS = "final_window_mean_loss";

    /** The key in {@code summary.json} of the wall time of all sessions, stopped ones included. */
    public static final String SUMMARY_WALL_SECONDS = "wall_seconds";

    /**
     * The outputs of a finished run.
     *
     * @param runFolder the run folder
     * @param checkpoint the final checkpoint folder
     * @param steps optimiser steps taken in total
     * @param firstLoss the mean loss of the first {@code train.log-every} steps of the run
     * @param finalLoss the mean loss of its last {@code train.log-every} steps
     * @param wallSeconds wall time of this session
     */
    public record Result(
            RunFolder runFolder, Path checkpoint, long steps, double firstLoss, double finalLoss, double wallSeconds) {}

    private final ExperimentSpec spec;
    private final ComponentRegistry registry;
    private final String continueCommand;

    /**
     * Creates a trainer for an experiment.
     *
     * @param spec the checked experiment
     * @param registry the component registry
     */
    public Pretrainer(ExperimentSpec spec, ComponentRegistry registry) {
        this(spec, registry, null);
    }

    /**
     * Creates a trainer whose stop message names another way to continue than {@code siammae
     * resume}, as a table run does.
     *
     * @param spec the checked experiment
     * @param registry the component registry
     * @param continueCommand the command that continues a stopped run; null for {@code siammae
     *     resume RUN_FOLDER}
     */
    public Pretrainer(ExperimentSpec spec, ComponentRegistry registry, String continueCommand) {
        this.spec = spec;
        this.registry = registry;
        this.continueCommand = continueCommand;
    }

    /**
     * Trains in a run folder, resuming from its newest checkpoint if it has one.
     *
     * @param runFolder a fresh run folder, or one to resume
     * @throws IOException if data cannot be read or results cannot be written
     * @throws InterruptedException if interrupted while waiting for data
     */
    public Result run(RunFolder runFolder) throws IOException, InterruptedException {
        long started = System.nanoTime();
        RunRandom random = new RunRandom(spec.seed());
        ComponentContext context = ComponentContext.of(registry, random, Path.of("").toAbsolutePath());
        TrainSettings train = spec.train();
        configureThreads(train.threads(spec.data().workers()));
        Device device = device(train.device());

        try (NDManager manager = NDManager.newBaseManager(device);
                DataPipeline data = openData(context)) {
            // Build and initialise the model from the run's own generator.
            ModelGeometry geometry = spec.model().geometry(spec.data().framesPerSample(context));
            SiamMae model = spec.model().build(geometry, context);
            ParameterInit.initialize(model, manager, random.stream("init"));
            Map<String, Parameter> parameters = ParameterPaths.of(model);
            AdamW optimizer = new AdamW(parameters, manager, train.optimizer());
            Map<String, Object> metadata = ModelCheckpoint.modelMetadata(spec.model(), geometry, registry);
            metadata.put("seed", spec.seed());
            metadata.put("descriptor_sha256", spec.descriptor().sha256());

            // Schedule and resume point.
            int batchSize = spec.data().batchSize();
            int batchesPerEpoch = data.batchesPerEpoch();
            int totalSteps = train.totalSteps(batchesPerEpoch);
            LearningRateSchedule schedule =
                    new LearningRateSchedule(
                            train.peakLearningRate(batchSize),
                            train.minLearningRate(),
                            train.warmup(batchesPerEpoch),
                            totalSteps);
            ModelCheckpoint.Info resumed = resume(runFolder, model, optimizer, manager, schedule);
            long firstStep = resumed == null ? 0 : resumed.step();
            if (firstStep >= totalSteps) {
                LOG.info(
                        "{} has already trained {} of {} steps; nothing to do. To train longer, resume"
                                + " with train.steps set higher.",
                        runFolder, firstStep, totalSteps);
                RunRecords.LossLog losses = RunRecords.readLosses(runFolder);
                if (!Files.exists(runFolder.resolve(RunRecords.SUMMARY))) {
                    // A run that stopped between its last checkpoint and its summary.
                    RunRecords.writeSummary(runFolder, losses, train.logEvery(), resumed.folder(), 0, 0,
                            SessionLog.recordedWallSeconds(runFolder));
                }
                return new Result(
                        runFolder, resumed.folder(), firstStep, losses.meanOfFirst(train.logEvery()),
                        losses.meanOfLast(train.logEvery()), 0);
            }
            metadata.put("total_steps", totalSteps);
            RunRecords.trimMetrics(runFolder, firstStep);
            skipBatches(data, firstStep * train.gradientAccumulation());
            RunRecords.writeSession(
                    runFolder,
                    spec.descriptor().toYaml(),
                    provenance(data, device, geometry, totalSteps, schedule, parameters));
            LOG.info(
                    "Training {} parameters for {} steps ({} batches of {} per epoch) in {}",
                    countValues(parameters), totalSteps, batchesPerEpoch, batchSize, runFolder);

            SessionLog sessions = SessionLog.start(runFolder, firstStep, RunRecords.summaryWallSeconds(runFolder));
            TrainingProgress progress = new TrainingProgress(totalSteps, firstStep, batchSize * train.gradientAccumulation());
            String continueWith = continueCommand != null ? continueCommand
                    : "siammae-experiments/bin/siammae resume " + runFolder;
            Interruption interruption = new Interruption(
                    runFolder, totalSteps, firstStep, sessions, started, train.stopCheckpointSeconds(), continueWith);
            Runtime.getRuntime().addShutdownHook(interruption);
            Path checkpoint = resumed == null ? null : resumed.folder();
            ParameterStore store = new ParameterStore(manager, false);
            try (MetricsLog metrics = new MetricsLog(runFolder.resolve(RunRecords.METRICS))) {
                for (long step = firstStep; step < totalSteps; step++) {
                    double learningRate = schedule.at((int) step);
                    StepResult result = trainStep(model, optimizer, store, manager, data, random, step, learningRate);
                    progress.record(step + 1, result.loss(), result.dataWaitNanos());
                    metrics.append(step + 1, result.epoch(), result.loss(), learningRate, progress.recentRate(), progress.elapsedSeconds());
                    interruption.stepDone(step + 1);
                    if ((step + 1) % train.logEvery() == 0 || step + 1 == totalSteps) {
                        progress.log(LOG, learningRate);
                        sessions.update(step + 1, (System.nanoTime() - started) / 1e9);
                    }
                    boolean last = step + 1 == totalSteps;
                    boolean stop = interruption.stopRequested();
                    if (last || stop || (train.checkpointEvery() > 0 && (step + 1) % train.checkpointEvery() == 0)) {
                        checkpoint =
                                ModelCheckpoint.write(
                                        runFolder, step + 1, model, optimizer.state(), metadata, train.keepCheckpoints());
                        interruption.checkpointDone(step + 1);
                    }
                    if (stop && !last) {
                        throw new StoppedException(runFolder, step + 1);
                    }
                }
            } finally {
                // Also after a failure: a hook left behind would report this run at every later exit.
                interruption.loopEnded();
                removeHook(interruption);
            }

            // The summary covers the whole loss log, earlier sessions included.
            double wall = (System.nanoTime() - started) / 1e9;
            sessions.finished(totalSteps, wall);
            RunRecords.LossLog losses = RunRecords.readLosses(runFolder);
            RunRecords.writeSummary(runFolder, losses, train.logEvery(), checkpoint, totalSteps - firstStep, wall,
                    sessions.earlierWallSeconds());
            Result result =
                    new Result(
                            runFolder, checkpoint, totalSteps, losses.meanOfFirst(train.logEvery()),
                            losses.meanOfLast(train.logEvery()), wall);
            LOG.info(
                    "Finished steps {} to {} in {}; mean loss of the first {} steps {}, of the last {} steps {};"
                            + " checkpoint {}",
                    firstStep + 1, totalSteps, TrainingProgress.format(Duration.ofSeconds((long) wall)),
                    train.logEvery(), String.format("%.4f", result.firstLoss()), train.logEvery(),
                    String.format("%.4f", result.finalLoss()), checkpoint);
            return result;
        }
    }

    /** Thrown when a stop request ended training early, after the current step was checkpointed. */
    public static final class StoppedException extends InterruptedException {
        private static final long serialVersionUID = 1L;

        StoppedException(RunFolder runFolder, long step) {
            super("training in " + runFolder + " stopped on request after step " + step + ", which is checkpointed");
        }
    }

    /** Removes the session's hook, unless the process is already shutting down and running it. */
    private static void removeHook(Interruption interruption) {
        try {
            Runtime.getRuntime().removeShutdownHook(interruption);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs now; it finds the loop ended and does not wait.
        }
    }

    /** The outcome of one optimiser step; {@code dataWaitNanos} is the time spent waiting for batches. */
    private record StepResult(double loss, int epoch, long dataWaitNanos) {}

    private StepResult trainStep(
            SiamMae model,
            AdamW optimizer,
            ParameterStore store,
            NDManager manager,
            DataPipeline data,
            RunRandom random,
            long step,
            double learningRate)
            throws IOException, InterruptedException {
        int accumulation = spec.train().gradientAccumulation();
        double lossSum = 0;
        int epoch = 0;
        long waited = 0;
        for (int micro = 0; micro < accumulation; micro++) {
            long before = System.nanoTime();
            SampleBatch batch = data.next();
            waited += System.nanoTime() - before;
            epoch = batch.epoch();
            try (NDScope scope = new NDScope()) {
                NDArray frames = manager.create(FloatBuffer.wrap(batch.values()), new Shape(batch.shape())); // (B, T, C, H, W)
                FrameMasks masks = model.sampleMasks(batch.batchSize(), random.stream("masking/" + step + "/" + micro));
                float loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray value = model.forward(store, frames, masks, true).loss();
                    collector.backward(Scalars.dividedBy(value, accumulation));
                    loss = value.getFloat();
                }
                if (!Float.isFinite(loss)) {
                    throw new IllegalStateException(
                            "loss became " + loss + " at step " + (step + 1) + "; lower the learning rate"
                                    + " (train.base-lr) or check the data for constant frames");
                }
                lossSum += loss;
            }
        }
        try (NDScope scope = new NDScope()) {
            optimizer.step(learningRate);
        }
        return new StepResult(lossSum / accumulation, epoch, waited);
    }

    /**
     * Opens the data pipeline; data that cannot be used (an empty folder, no usable clip) is
     * reported as a problem of the descriptor's {@code data.source}, with its file and line.
     */
    private DataPipeline openData(ComponentContext context) throws IOException {
        ModelGeometry geometry = spec.model().geometry(spec.data().framesPerSample(context));
        try {
            return DataPipeline.open(spec.data(), geometry, context);
        } catch (IOException e) {
            throw new ConfigException(spec.descriptor().location().problem("data.source", e.getMessage()));
        }
    }

    /** Restores the newest checkpoint, if any, and returns it (null for a fresh run). */
    private ModelCheckpoint.Info resume(
            RunFolder runFolder, SiamMae model, AdamW optimizer, NDManager manager, LearningRateSchedule schedule)
            throws IOException {
        int totalSteps = schedule.totalSteps();
        var latest = ModelCheckpoint.latest(runFolder.path());
        if (latest.isEmpty()) {
            return null;
        }
        ModelCheckpoint.Info info = latest.get();
        try (NDManager scratch = manager.newSubManager()) {
            Path modelFile = info.folder().resolve(ModelCheckpoint.MODEL_FILE);
            TensorFile.loadInto(modelFile, TensorFile.read(modelFile, scratch), ParameterPaths.of(model), "");
            Path optimizerFile = info.folder().resolve(ModelCheckpoint.OPTIMIZER_FILE);
            optimizer.restore(TensorFile.read(optimizerFile, scratch), info.step());
        }
        Object planned = info.metadata().get("total_steps");
        if (planned instanceof Number number && number.intValue() != totalSteps && info.step() < totalSteps) {
            // The cosine decay is recomputed over the new length, so a run that had decayed
            // continues near its minimum rate.
            LOG.warn(
                    "The run was scheduled for {} steps and now runs to {}: the cosine schedule is"
                            + " stretched over {} steps, so steps {} to {} train at learning rates from {}"
                            + " to {} (peak {}). A longer run with its full decay needs a new pretraining.",
                    number.intValue(), totalSteps, totalSteps, info.step() + 1, totalSteps,
                    String.format("%.2e", schedule.at((int) info.step())),
                    String.format("%.2e", schedule.at(totalSteps - 1)), String.format("%.2e", schedule.peak()));
        }
        LOG.info("Resuming {} from step {} ({})", runFolder, info.step(), info.folder());
        return info;
    }

    private static void skipBatches(DataPipeline data, long count) throws IOException, InterruptedException {
        // NOTE: skipping decodes the skipped batches; a resume late in a long run pays that time.
        for (long i = 0; i < count; i++) {
            data.next();
        }
    }

    private Map<String, Object> provenance(
            DataPipeline data,
            Device device,
            ModelGeometry geometry,
            int totalSteps,
            LearningRateSchedule schedule,
            Map<String, Parameter> parameters) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("name", spec.name());
        provenance.put("descriptor", spec.descriptor().file().toString());
        provenance.put("descriptor_sha256", spec.descriptor().sha256());
        provenance.put("seed", spec.seed());
        provenance.put("environment", Provenance.environment(device.toString()));
        provenance.put("data", data.provenance());
        provenance.put("parameters", countValues(parameters));
        provenance.put("geometry", geometry.toString());
        provenance.put("total_steps", totalSteps);
        provenance.put("peak_lr", schedule.peak());
        provenance.put("warmup_steps", schedule.warmupSteps());
        return provenance;
    }

    private static long countValues(Map<String, Parameter> parameters) {
        return parameters.values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
    }

    /**
     * Sets PyTorch's intra-op thread count, which the engine reads once when it starts; a value
     * given with {@code -Dai.djl.pytorch.num_threads} wins.
     */
    private static void configureThreads(int threads) {
        if (System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
            LOG.debug("PyTorch intra-op threads: {}", threads);
        }
    }

    private static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    /**
     * Returns the device a run trains on.
     *
     * @param choice the descriptor's {@code train.device}
     * @throws IllegalStateException if a GPU is required but the engine finds none
     */
    public static Device device(TrainSettings.DeviceChoice choice) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException(
                            "train.device is gpu but the engine sees no GPU; install the CUDA build"
                                    + " (README, GPU) or set train.device=cpu");
                }
                yield Device.gpu();
            }
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }
}
