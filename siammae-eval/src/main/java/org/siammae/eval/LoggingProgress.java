package org.siammae.eval;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs progress at INFO through slf4j: count, rate and estimated time left, at most once per
 * interval and always at the end of a step.
 */
public final class LoggingProgress implements EvalProgress {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingProgress.class);

    private final long intervalNanos;
    private String step;
    private long total;
    private long done;
    private long startNanos;
    private long lastLogNanos;

    /** Creates a progress log that writes at most every 5 seconds. */
    public LoggingProgress() {
        this(Duration.ofSeconds(5));
    }

    /**
     * Creates a progress log.
     *
     * @param interval the minimum time between two lines of one step
     */
    public LoggingProgress(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void begin(String step, long total) {
        this.step = step;
        this.total = total;
        this.done = 0;
        this.startNanos = System.nanoTime();
        this.lastLogNanos = startNanos;
        LOG.info("{}: {} to do", step, total);
    }

    @Override
    public void advance(long done, String detail) {
        this.done = done;
        long now = System.nanoTime();
        if (now - lastLogNanos >= intervalNanos) {
            lastLogNanos = now;
            LOG.info("{}: {} ({})", step, status(now), detail);
        }
    }

    @Override
    public void end() {
        LOG.info("{}: done, {}", step, status(System.nanoTime()));
    }

    private String status(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / seconds;
        String eta =
                rate > 0 && done < total
                        ? String.format(Locale.ROOT, ", about %.0f s left", (total - done) / rate)
                        : "";
        return String.format(
                Locale.ROOT,
                "%d/%d, %.2f per second, %.1f s elapsed%s",
                done,
                total,
                rate,
                seconds,
                eta);
    }
}
