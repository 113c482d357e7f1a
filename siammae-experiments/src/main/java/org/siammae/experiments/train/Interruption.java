package org.siammae.experiments.train;

import java.io.IOException;
import org.siammae.experiments.run.RunFolder;

/**
 * A shutdown hook that, when a user stops a run (Ctrl-C, a cluster time limit), records the
 * session as stopped in {@link SessionLog} and prints where it stopped and how to continue it.
 */
final class Interruption extends Thread {

    private final RunFolder runFolder;
    private final long totalSteps;
    private final SessionLog sessions;
    private final long startedNanos;
    private volatile long step;
    private volatile long checkpointStep;

    /**
     * Creates the hook of one session.
     *
     * @param runFolder the run
     * @param totalSteps the run's step count
     * @param firstStep steps trained before this session
     * @param sessions the run's session log
     * @param startedNanos {@link System#nanoTime()} when the session started
     */
    Interruption(RunFolder runFolder, long totalSteps, long firstStep, SessionLog sessions, long startedNanos) {
        super("siammae-interruption");
        this.runFolder = runFolder;
        this.totalSteps = totalSteps;
        this.sessions = sessions;
        this.startedNanos = startedNanos;
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
        try {
            sessions.stopped(step, (System.nanoTime() - startedNanos) / 1e9);
        } catch (IOException e) {
            System.err.println("siammae: could not record the stopped session: " + e.getMessage());
        }
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
