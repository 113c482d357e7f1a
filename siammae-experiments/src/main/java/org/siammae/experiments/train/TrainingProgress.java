package org.siammae.experiments.train;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * Tracks loss and speed during training and formats the progress line with an ETA. "data wait" is
 * the share of wall time the training thread spent waiting for batches since the last line: high
 * values mean the data pipeline, not the model, limits the speed (add workers or cores).
 */
final class TrainingProgress {

    private final long totalSteps;
    private final long firstStep;
    private final int samplesPerStep;
    private final long start = System.nanoTime();
    private long lastTime = start;
    private long lastStep;
    private double recentRate;
    private double intervalLossSum;
    private int intervalSteps;
    private double firstLoss = Double.NaN;
    private double lastLoss = Double.NaN;
    private long currentStep;
    private long intervalWaitNanos;
    private long intervalStart = System.nanoTime();

    TrainingProgress(long totalSteps, long firstStep, int samplesPerStep) {
        this.totalSteps = totalSteps;
        this.firstStep = firstStep;
        this.samplesPerStep = samplesPerStep;
        this.lastStep = firstStep;
    }

    void record(long step, double loss, long dataWaitNanos) {
        intervalWaitNanos += dataWaitNanos;
        long now = System.nanoTime();
        recentRate = samplesPerStep * (step - lastStep) / ((now - lastTime) / 1e9);
        lastTime = now;
        lastStep = step;
        currentStep = step;
        intervalLossSum += loss;
        intervalSteps++;
    }

    void log(Logger log, double learningRate) {
        double meanLoss = intervalLossSum / intervalSteps;
        long now = System.nanoTime();
        double waitShare = 100.0 * intervalWaitNanos / Math.max(1, now - intervalStart);
        intervalWaitNanos = 0;
        intervalStart = now;
        if (Double.isNaN(firstLoss)) {
            firstLoss = meanLoss;
        }
        lastLoss = meanLoss;
        intervalLossSum = 0;
        intervalSteps = 0;
        double elapsed = elapsedSeconds();
        double averageRate = samplesPerStep * (currentStep - firstStep) / Math.max(elapsed, 1e-9);
        long remaining = (long) ((totalSteps - currentStep) * samplesPerStep / Math.max(averageRate, 1e-9));
        log.info(
                String.format(
                        Locale.ROOT,
                        "step %d/%d | loss %.4f | lr %.2e | %.1f pairs/s | data wait %.0f%% | elapsed %s | ETA %s",
                        currentStep, totalSteps, meanLoss, learningRate, averageRate, waitShare,
                        format(Duration.ofSeconds((long) elapsed)), format(Duration.ofSeconds(remaining))));
    }

    double recentRate() {
        return recentRate;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    double firstLoss() {
        return firstLoss;
    }

    double lastLoss() {
        return lastLoss;
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
