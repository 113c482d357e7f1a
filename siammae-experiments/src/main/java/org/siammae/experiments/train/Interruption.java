package org.siammae.experiments.train;

import org.siammae.experiments.run.RunFolder;

/**
 * A shutdown hook that prints, when a user stops a run (Ctrl-C, a cluster time limit), where it
 * stopped and how to continue it.
 */
final class Interruption extends Thread {

    private final RunFolder runFolder;
    private final long totalSteps;
    private volatile long step;
    private volatile long checkpointStep;

    Interruption(RunFolder runFolder, long totalSteps, long firstStep) {
        super("siammae-interruption");
        this.runFolder = runFolder;
        this.totalSteps = totalSteps;
        this.step = firstStep;
        this.checkpointStep = firstStep;
    }

    void stepDone(long finishedStep) {
        step = finishedStep;
    }

    void checkpointDone(long savedStep) {
        checkpointStep = savedStep;
    }

    @Override
    public void run() {
        String saved =
                checkpointStep == 0
                        ? "no checkpoint yet, so a resume starts from step 1"
                        : "the newest checkpoint is step " + checkpointStep;
        System.err.printf(
                "%nsiammae: stopped after step %d of %d in %s; %s. Continue with:%n"
                        + "  siammae-experiments/bin/siammae resume %s%n",
                step, totalSteps, runFolder, saved, runFolder);
    }
}
