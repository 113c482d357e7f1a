package org.siammae.experiments.report;

import java.util.Locale;

/** Formats wall times for people: {@code 4m07s} below an hour, {@code 2h15m} from an hour on. */
public final class Durations {

    private Durations() {}

    /**
     * Formats a duration.
     *
     * @param seconds the duration in seconds; rounded to whole seconds
     */
    public static String format(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
