package org.siammae.experiments.train;

/**
 * MAE's schedule evaluated per step: a linear warmup from 0 to the peak, then a half-cycle cosine
 * from the peak down to the minimum at the last step.
 *
 * @param peak the learning rate after warmup
 * @param minimum the learning rate at the end
 * @param warmupSteps steps of linear warmup
 * @param totalSteps all steps
 */
public record LearningRateSchedule(double peak, double minimum, int warmupSteps, int totalSteps) {

    /**
     * Returns the learning rate of a step.
     *
     * @param step the 0-based step
     */
    public double at(int step) {
        if (step < warmupSteps) {
            return peak * step / warmupSteps;
        }
        int decaySteps = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        return minimum + (peak - minimum) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
