package org.siammae.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.experiments.run.RunFolder;

class InterruptionTest {

    @TempDir Path root;

    @Test
    void stopWaitsForLoopToCheckpoint() throws Exception {
        RunFolder run = RunFolder.create(root, "stop");
        SessionLog sessions = SessionLog.start(run, 0, 0);
        Interruption hook = new Interruption(run, 100, 0, sessions, System.nanoTime(), 30, "resume it");
        AtomicLong savedStep = new AtomicLong();

        // A stand-in for the training loop: steps of 50 ms until a stop is requested, then a
        // checkpoint of the step it is in.
        Thread loop = new Thread(() -> {
            try {
                for (long step = 1; step <= 100; step++) {
                    Thread.sleep(50);
                    hook.stepDone(step);
                    if (hook.stopRequested()) {
                        hook.checkpointDone(step);
                        savedStep.set(step);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hook.loopEnded();
            }
        });
        loop.start();
        Thread.sleep(200);

        hook.run();

        assertThat(loop.isAlive()).isFalse();
        assertThat(savedStep.get()).isBetween(1L, 99L);
        List<String> rows = Files.readAllLines(run.resolve(SessionLog.FILE));
        assertThat(rows.get(1)).contains(",0," + savedStep.get() + ",").endsWith(",stopped");
    }

    @Test
    @Timeout(60) // the grace period is 600 s: a hook that waited for the ended loop fails here
    void endedLoopIsNotAwaited() throws IOException {
        RunFolder run = RunFolder.create(root, "ended");
        Interruption hook = new Interruption(run, 10, 0, SessionLog.start(run, 0, 0), System.nanoTime(), 600, "resume it");
        hook.stepDone(10);
        hook.loopEnded();

        hook.run();

        assertThat(Files.readAllLines(run.resolve(SessionLog.FILE)).get(1)).contains(",0,10,").endsWith(",stopped");
    }
}
