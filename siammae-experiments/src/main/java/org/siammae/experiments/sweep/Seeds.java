package org.siammae.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.siammae.api.config.ConfigProblems;
import org.siammae.experiments.descriptor.Descriptor;

/**
 * The {@code seeds} key of a table descriptor: a count {@code n} (seeds {@code seed} to {@code
 * seed + n - 1}, where {@code seed} defaults to 0) or an explicit list of distinct integers. Without
 * it every cell runs once, with the descriptor's {@code seed}.
 */
final class Seeds {

    /** The descriptor key. */
    static final String KEY = "seeds";

    private static final int MAX_COUNT = 1000;

    private Seeds() {}

    /**
     * Reads the seeds, recording problems.
     *
     * @param table the resolved table descriptor
     * @param problems a collector without key prefix
     * @return the seeds in order; after a problem, the descriptor's seed alone, so that the runs
     *     can still be checked
     */
    static List<Long> parse(Descriptor table, ConfigProblems problems) {
        long base = table.root().get("seed") instanceof Number number ? number.longValue() : 0;
        Object value = table.root().get(KEY);
        if (value == null) {
            return List.of(base);
        }
        if (value instanceof Integer count) {
            if (count < 1 || count > MAX_COUNT) {
                problems.add(KEY, "a seed count must be between 1 and " + MAX_COUNT + ", got " + count);
                return List.of(base);
            }
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                seeds.add(base + i);
            }
            return seeds;
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            Set<Long> seeds = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (!(item instanceof Integer || item instanceof Long)) {
                    problems.add(KEY + "[" + i + "]", "must be an integer, got " + item);
                } else if (!seeds.add(((Number) item).longValue())) {
                    problems.add(KEY + "[" + i + "]", "repeats seed " + item + "; each seed gives one run");
                }
            }
            return seeds.isEmpty() ? List.of(base) : new ArrayList<>(seeds);
        }
        problems.add(KEY, "must be a seed count such as 3, or a list of seeds such as [0, 1, 2]");
        return List.of(base);
    }
}
