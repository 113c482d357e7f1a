package org.siammae.experiments.sweep;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Formats swept values for people: a mapping or list in YAML flow style on one line. */
public final class SweepValues {

    private SweepValues() {}

    /**
     * Returns a value in YAML flow style, such as {@code {name: fixed-gap, gap: 4}} or {@code
     * [horizontal-flip, normalize]}.
     *
     * @param value a scalar, mapping or list
     */
    public static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + ": " + flow(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SweepValues::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    /**
     * Returns a cell's swept values as {@code key=value} pairs separated by spaces.
     *
     * @param cell the cell
     */
    public static String describe(Sweep.Cell cell) {
        if (cell.assignments().isEmpty()) {
            return "(no swept keys)";
        }
        return String.join(" ", cell.assignments().stream().map(a -> a.key() + "=" + flow(a.value())).toList());
    }
}
