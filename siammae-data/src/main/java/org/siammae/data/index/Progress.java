package org.siammae.data.index;

import java.time.Duration;
import org.slf4j.Logger;

/** Logs the count, rate and estimated time left of a long job every few seconds. */
final class Progress {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final Logger log;
    private final String task;
    private final long total;
    private final long start = System.nanoTime();
    private long lastLog = start;

    /**
     * Creates a progress log.
     *
     * @param log where to write
     * @param task what is being done, such as "Indexing /data/k400"
     * @param total the number of items
     */
    Progress(Logger log, String task, long total) {
        this.log = log;
        this.task = task;
        this.total = total;
    }

    /**
     * Logs a line if the interval has passed since the last one.
     *
     * @param done items finished so far
     */
    void update(long done) {
        long now = System.nanoTime();
        if (now - lastLog < INTERVAL_NANOS) {
            return;
        }
        lastLog = now;
        double seconds = (now - start) / 1e9;
        double rate = done / seconds;
        String left = rate > 0 ? format((long) ((total - done) / rate)) : "unknown";
        log.info("{}: {}/{} ({} per second, about {} left)", task, done, total, Math.round(rate), left);
    }

    /** Returns the seconds since the start. */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    static String format(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
