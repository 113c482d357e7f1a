package org.siammae.experiments.train;

import java.util.Map;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.experiments.descriptor.Sections;

/**
 * The {@code train} section of a descriptor: length, optimiser and schedule. Defaults follow the
 * MAE/SiamMAE recipe: AdamW with betas (0.9, 0.95), weight decay 0.05 (not on biases and 1-D
 * parameters), {@code lr = base-lr * effective batch / 256}, linear warmup then cosine decay.
 */
public final class TrainSettings implements ValidatedOptions {

    /** The descriptor key of this section. */
    public static final String KEY = "train";

    /** The device the model runs on. */
    public enum DeviceChoice {
        /** The first GPU if the engine finds one, else the CPU. */
        AUTO,
        /** The CPU. */
        CPU,
        /** The first GPU; fails if none is visible. */
        GPU
    }

    @Tunable(description = "optimiser steps; set this or epochs")
    int steps;

    @Tunable(description = "passes over the clip index; converted to steps with the batches per epoch")
    double epochs;

    @Tunable(
            description =
                    "optimiser steps that count as one epoch when the length is given in epochs;"
                            + " unset, an epoch is one pass over the clip index. Scaled-down runs"
                            + " set it so that epoch counts keep their ratios (epochs, warmup-epochs)")
    Double stepsPerEpoch;

    @Tunable(description = "learning rate per 256 samples; lr = base-lr * batch * accumulation / 256")
    double baseLr = 1.5e-4;

    @Tunable(description = "absolute peak learning rate; when set, base-lr is ignored")
    Double lr;

    @Tunable(description = "learning rate at the end of the cosine decay")
    double minLr = 0.0;

    @Tunable(description = "linear warmup length in steps; set this or warmup-epochs")
    Integer warmupSteps;

    @Tunable(description = "linear warmup length in epochs (the paper warms up for 40 epochs)")
    Double warmupEpochs;

    @Tunable(description = "decoupled weight decay of weights with 2 or more axes (AdamW)")
    double weightDecay = 0.05;

    @Tunable(description = "AdamW first-moment decay")
    double beta1 = 0.9;

    @Tunable(description = "AdamW second-moment decay")
    double beta2 = 0.95;

    @Tunable(description = "AdamW denominator epsilon")
    double epsilon = 1e-8;

    @Tunable(description = "batches whose gradients are summed before each step (memory for batch size)")
    int gradientAccumulation = 1;

    @Tunable(description = "log a progress line every this many steps")
    int logEvery = 10;

    @Tunable(description = "write a checkpoint every this many steps; 0 writes only the final one")
    int checkpointEvery = 0;

    @Tunable(description = "keep every checkpoint instead of only the latest")
    boolean keepCheckpoints = false;

    @Tunable(
            description =
                    "seconds a stop (Ctrl-C, SIGTERM from a cluster's time limit) waits for the current"
                            + " step to end and a checkpoint to be written; 0 stops at once, losing the"
                            + " steps since the last checkpoint")
    int stopCheckpointSeconds = 120;

    @Tunable(description = "device: auto, cpu or gpu")
    DeviceChoice device = DeviceChoice.AUTO;

    @Tunable(
            description =
                    "PyTorch intra-op threads; 0 picks the processor count minus the data workers (at"
                            + " least 1), because threads that outnumber the cores stall at every"
                            + " parallel operation")
    int threads = 0;

    /**
     * Reads and checks the section.
     *
     * @param section the section's values
     * @param problems a collector without key prefix
     * @param registry the component registry
     */
    public static TrainSettings parse(
            Map<String, Object> section, ConfigProblems problems, ComponentRegistry registry) {
        return Sections.bind(section, new TrainSettings(), KEY, problems, registry);
    }

    @Override
    public void validate(ConfigProblems problems) {
        if ((steps > 0) == (epochs > 0)) {
            problems.add("steps", "set exactly one of steps and epochs to a positive value");
        }
        if (steps < 0) {
            problems.add("steps", "must not be negative, got " + steps);
        }
        if (warmupSteps != null && warmupEpochs != null) {
            problems.add("warmup-steps", "set either warmup-steps or warmup-epochs, not both");
        }
        if (!(baseLr > 0) || (lr != null && !(lr > 0))) {
            problems.add(lr != null ? "lr" : "base-lr", "must be positive");
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            problems.add("beta1", "must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            problems.add("beta2", "must be in [0, 1), got " + beta2);
        }
        if (gradientAccumulation < 1) {
            problems.add("gradient-accumulation", "must be at least 1, got " + gradientAccumulation);
        }
        if (logEvery < 1) {
            problems.add("log-every", "must be at least 1, got " + logEvery);
        }
        if (stepsPerEpoch != null && !(stepsPerEpoch > 0)) {
            problems.add("steps-per-epoch", "must be positive, got " + stepsPerEpoch);
        }
        if (threads < 0) {
            problems.add("threads", "must not be negative, got " + threads);
        }
        if (checkpointEvery < 0) {
            problems.add("checkpoint-every", "must not be negative, got " + checkpointEvery);
        }
        if (stopCheckpointSeconds < 0) {
            problems.add("stop-checkpoint-seconds", "must not be negative, got " + stopCheckpointSeconds);
        }
    }

    /**
     * Returns the number of optimiser steps.
     *
     * @param batchesPerEpoch batches the data pipeline yields per epoch
     */
    public int totalSteps(int batchesPerEpoch) {
        if (steps > 0) {
            return steps;
        }
        return Math.max(1, (int) Math.ceil(epochs * stepsPerEpoch(batchesPerEpoch)));
    }

    /**
     * Returns the warmup length in steps.
     *
     * @param batchesPerEpoch batches the data pipeline yields per epoch
     */
    public int warmup(int batchesPerEpoch) {
        if (warmupSteps != null) {
            return warmupSteps;
        }
        if (warmupEpochs != null) {
            return (int) Math.round(warmupEpochs * stepsPerEpoch(batchesPerEpoch));
        }
        return 0;
    }

    /**
     * Returns the optimiser steps of one epoch: {@code steps-per-epoch} when set, else the data's
     * batches per epoch over the gradient accumulation.
     *
     * @param batchesPerEpoch batches the data pipeline yields per epoch
     */
    public double stepsPerEpoch(int batchesPerEpoch) {
        return stepsPerEpoch != null ? stepsPerEpoch : (double) batchesPerEpoch / gradientAccumulation;
    }

    /** Returns whether the run length needs the data's batches per epoch to be known. */
    public boolean lengthDependsOnData() {
        return steps <= 0 && stepsPerEpoch == null;
    }

    /**
     * Returns the peak learning rate.
     *
     * @param batchSize samples per batch
     */
    public double peakLearningRate(int batchSize) {
        return lr != null ? lr : baseLr * batchSize * gradientAccumulation / 256.0;
    }

    /** Returns the minimum learning rate. */
    public double minLearningRate() {
        return minLr;
    }

    /**
     * Returns the PyTorch intra-op thread count to use.
     *
     * @param dataWorkers the data pipeline's worker threads
     */
    public int threads(int dataWorkers) {
        if (threads > 0) {
            return threads;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() - dataWorkers);
    }

    /** Returns the device choice. */
    public DeviceChoice device() {
        return device;
    }

    /** Returns the gradient accumulation count. */
    public int gradientAccumulation() {
        return gradientAccumulation;
    }

    /** Returns the progress interval in steps. */
    public int logEvery() {
        return logEvery;
    }

    /** Returns the checkpoint interval in steps (0: only at the end). */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** Returns whether older checkpoints are kept. */
    public boolean keepCheckpoints() {
        return keepCheckpoints;
    }

    /** Returns how long a stop waits for a checkpoint of the current step, in seconds. */
    public int stopCheckpointSeconds() {
        return stopCheckpointSeconds;
    }

    /** Returns the AdamW hyper-parameters. */
    public AdamW.Settings optimizer() {
        return new AdamW.Settings(beta1, beta2, epsilon, weightDecay);
    }
}
