package org.siammae.experiments.train;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.siammae.experiments.run.RunFolder;

/**
 * A shutdown hook for one training session. When a user or a cluster stops the process (Ctrl-C,
 * SIGTERM at a time limit), it requests a checkpoint of the step in progress from the training
 * loop and waits for it up to a grace period. It then records the session as stopped in {@link
 * SessionLog} and prints where the run stopped and how to continue it.
 *
 * <p>The loop polls {@link #stopRequested()} after every step. {@link Pretrainer} calls {@link
 * #loopEnded()} in the {@code finally} block around its loop, so the hook never waits for a loop
 * that has already left, whether it finished, stopped or failed.
 */
final class Interruption extends Thread {

    private final RunFolder runFolder;
    private final long totalSteps;
    private final SessionLog sessions;
    private final long startedNanos;
    private final int graceSeconds;
    private final String continueCommand;
    private final CountDownLatch loopEnded = new CountDownLatch(1);
    private volatile boolean stopRequested;
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
     * @param graceSeconds how long a stop waits for the loop's checkpoint; 0 does not wait
     * @param continueCommand the command the stop message gives to continue the run
     */
    Interruption(
            RunFolder runFolder, long totalSteps, long firstStep, SessionLog sessions, long startedNanos,
            int graceSeconds, String continueCommand) {
        super("siammae-interruption");
        this.runFolder = runFolder;
        this.totalSteps = totalSteps;
        this.sessions = sessions;
        this.startedNanos = startedNanos;
        this.graceSeconds = graceSeconds;
        this.continueCommand = continueCommand;
        this.step = firstStep;
        this.checkpointStep = firstStep;
    }

    void stepDone(long finishedStep) {
        step = finishedStep;
    }

    void checkpointDone(long savedStep) {
        checkpointStep = savedStep;
    }

    /** Returns whether a stop was requested; the loop then checkpoints and leaves. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** Requests that the loop stop after its current step, as the hook does. */
    void requestStop() {
        stopRequested = true;
    }

    /** Records that the training loop has left, after a stop, its last step or a failure. */
    void loopEnded() {
        loopEnded.countDown();
    }

    @Override
    public void run() {
        requestStop();
        if (graceSeconds > 0) {
            System.err.printf("%nsiammae: stopping; waiting up to %d s for step %d to end and be saved ...%n",
                    graceSeconds, step + 1);
            try {
                loopEnded.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
                "%nsiammae: stopped after step %d of %d in %s; %s. Continue with:%n  %s%n",
                step, totalSteps, runFolder, saved, continueCommand);
    }
}
