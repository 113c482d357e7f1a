package org.siammae.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.experiments.run.RunFolder;

class SessionLogTest {

    @TempDir Path root;

    private RunFolder run() throws IOException {
        return RunFolder.create(root, "sessions");
    }

    @Test
    void killedSessionCountsToLastUpdate() throws IOException {
        RunFolder run = run();
        SessionLog killed = SessionLog.start(run, 0, 0);
        killed.update(25, 12.5);
        killed.update(50, 30.0);
        // The process dies here: no stopped() or finished() call.

        SessionLog resumed = SessionLog.start(run, 50, 0);
        resumed.finished(80, 20.0);

        assertThat(resumed.earlierWallSeconds()).isEqualTo(30.0);
        assertThat(SessionLog.recordedWallSeconds(run)).isCloseTo(50.0, within(1e-9));
        List<String> rows = Files.readAllLines(run.resolve(SessionLog.FILE));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains(",0,50,30.000,").endsWith(",stopped");
        assertThat(rows.get(2)).contains(",50,80,20.000,").endsWith(",finished");
    }

    @Test
    void stoppedSessionKeepsStateAndTime() throws IOException {
        RunFolder run = run();
        SessionLog.start(run, 0, 0).stopped(7, 3.25);

        SessionLog next = SessionLog.start(run, 0, 0);

        assertThat(next.earlierWallSeconds()).isEqualTo(3.25);
        assertThat(Files.readAllLines(run.resolve(SessionLog.FILE)).get(1)).endsWith(",0,7,3.250,stopped");
    }

    @Test
    void oldRunStartsFromSummaryWallTime() throws IOException {
        RunFolder run = run();

        SessionLog log = SessionLog.start(run, 40, 90.0);

        assertThat(log.earlierWallSeconds()).isEqualTo(90.0);
        assertThat(Files.readAllLines(run.resolve(SessionLog.FILE)).get(1)).isEqualTo("unknown,0,40,90.000,finished");
    }

    @Test
    void malformedRowNamesFileAndLine() throws IOException {
        RunFolder run = run();
        Files.writeString(run.resolve(SessionLog.FILE),
                "started,steps_before,steps_after,wall_seconds,state\n2026-12-05T00:00:00Z,0,x,1.0,finished\n");

        assertThatThrownBy(() -> SessionLog.start(run, 0, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(SessionLog.FILE + ":2")
                .hasMessageContaining("malformed session row");
    }
}
