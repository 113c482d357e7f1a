package org.siammae.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.siammae.experiments.descriptor.Descriptor;

/**
 * The {@code sweep} section of a table descriptor: the cells of a table as values of dotted keys.
 *
 * <pre>{@code
 * sweep:
 *   grid:                          # every combination of the axes, first axis outermost
 *     model.masking.target-ratio: [0.5, 0.75, 0.9, 0.95]
 *     data.sampler:                # a mapping names each value: the name becomes the cell id part
 *       gap-4: {name: fixed-gap, gap: 4}
 *       random: {name: random-gap, min-gap: 4, max-gap: 48}
 *   zip:                           # lists of equal length stepped together, inside the grid
 *     model.encoder.name: [joint, siamese]
 *     model.decoder.name: [joint, cross-self]
 *     labels: [framemae, siammae]  # optional cell id parts of the zipped entries
 * }</pre>
 *
 * <p>A cell id joins one part per grid axis and one for the zip with {@code _}. A part is the
 * value's label, or the key's last word and the value ({@code target-ratio-0.75}; for a key
 * ending in {@code .name} the word before it, as in {@code encoder-joint}). Swept keys lie inside
 * {@code model}, {@code data} or {@code train}; a value replaces what the descriptor has there.
 */
public final class Sweep {

    /** The descriptor key of the section. */
    public static final String KEY = "sweep";

    /** The key of the product axes. */
    public static final String GRID = "grid";

    /** The key of the lock-step axes. */
    public static final String ZIP = "zip";

    /** The key of the zip's optional cell id parts. */
    public static final String LABELS = "labels";

    /** The id of the one cell of a descriptor without a sweep. */
    public static final String DEFAULT_CELL = "default";

    /** Sections a swept key may lie in. */
    static final Set<String> SWEEPABLE_SECTIONS = new LinkedHashSet<>(List.of("model", "data", "train"));

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern KEY_PATH = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    private static final int MAX_ID_LENGTH = 100;

    /**
     * One key a cell sets.
     *
     * @param key the dotted key
     * @param value the value
     * @param originKeyPath where the value is written in the table descriptor
     */
    public record Assignment(String key, Object value, String originKeyPath) {}

    /**
     * One cell of a table.
     *
     * @param id the readable id, also the cell's folder name
     * @param assignments the keys the cell sets, grid axes first
     */
    public record Cell(String id, List<Assignment> assignments) {

        /** Returns the swept keys and their values, in axis order. */
        public Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            assignments.forEach(a -> values.put(a.key(), a.value()));
            return values;
        }
    }

    /** One axis value with its cell id part. */
    private record Choice(String part, List<Assignment> assignments) {}

    private final List<Cell> cells;
    private final Set<String> keys;

    private Sweep(List<Cell> cells, Set<String> keys) {
        this.cells = List.copyOf(cells);
        this.keys = Set.copyOf(keys);
    }

    /** Returns the cells in a fixed order. */
    public List<Cell> cells() {
        return cells;
    }

    /** Returns the swept keys. */
    public Set<String> keys() {
        return keys;
    }

    /**
     * Reads the sweep of a table descriptor, recording every problem.
     *
     * @param table the resolved table descriptor
     * @param problems a collector without key prefix
     * @return the sweep; a descriptor without {@code sweep} has the one cell {@value #DEFAULT_CELL}
     */
    public static Sweep parse(Descriptor table, ConfigProblems problems) {
        Object section = table.root().get(KEY);
        if (section == null) {
            return new Sweep(List.of(new Cell(DEFAULT_CELL, List.of())), Set.of());
        }
        ConfigProblems sweepProblems = problems.under(KEY);
        if (!(section instanceof Map<?, ?> map)) {
            sweepProblems.add("", "must be a mapping with 'grid' and/or 'zip'");
            return new Sweep(List.of(), Set.of());
        }
        for (Object key : map.keySet()) {
            if (!GRID.equals(key) && !ZIP.equals(key)) {
                sweepProblems.add(String.valueOf(key), OptionsBinder.unknownKeyMessage(String.valueOf(key), List.of(GRID, ZIP)));
            }
        }
        int before = problems.list().size();
        List<List<Choice>> axes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        if (map.get(GRID) != null) {
            parseGrid(map.get(GRID), sweepProblems.under(GRID), axes, keys);
        }
        if (map.get(ZIP) != null) {
            List<Choice> zipped = parseZip(map.get(ZIP), sweepProblems.under(ZIP), keys);
            if (!zipped.isEmpty()) {
                axes.add(zipped);
            }
        }
        if (axes.isEmpty()) {
            if (problems.list().size() == before) {
                sweepProblems.add("", "has no axis: give 'grid' or 'zip' at least one key with a list of values");
            }
            return new Sweep(List.of(), keys);
        }
        checkOverlaps(keys, sweepProblems);

        List<Cell> cells = product(axes);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Cell cell : cells) {
            seen.merge(cell.id(), 1, Integer::sum);
            if (cell.id().length() > MAX_ID_LENGTH) {
                sweepProblems.add("", "cell id '" + cell.id() + "' is longer than " + MAX_ID_LENGTH
                        + " characters; name the values (a mapping of label to value, or zip labels)");
            }
        }
        seen.forEach((id, count) -> {
            if (count > 1) {
                sweepProblems.add("", count + " cells get the id '" + id + "'; name the values (a mapping of label"
                        + " to value, or zip labels) so that every cell has its own id");
            }
        });
        return new Sweep(cells, keys);
    }

    private static void parseGrid(Object grid, ConfigProblems problems, List<List<Choice>> axes, Set<String> keys) {
        if (!(grid instanceof Map<?, ?> map)) {
            problems.add("", "must be a mapping of dotted keys to lists of values");
            return;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String origin = KEY + "." + GRID + "." + key;
            if (!checkKey(key, problems)) {
                continue;
            }
            keys.add(key);
            List<Choice> choices = new ArrayList<>();
            if (entry.getValue() instanceof List<?> values && !values.isEmpty()) {
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    choices.add(new Choice(
                            CellIds.part(key, value), List.of(new Assignment(key, value, origin + "[" + i + "]"))));
                }
            } else if (entry.getValue() instanceof Map<?, ?> labelled && !labelled.isEmpty()) {
                for (Map.Entry<?, ?> value : labelled.entrySet()) {
                    String label = String.valueOf(value.getKey());
                    checkLabel(label, problems.under(key));
                    choices.add(new Choice(
                            label, List.of(new Assignment(key, value.getValue(), origin + "." + label))));
                }
            } else {
                problems.add(key, "must be a non-empty list of values, or a mapping of labels to values");
                continue;
            }
            axes.add(choices);
        }
    }

    private static List<Choice> parseZip(Object zip, ConfigProblems problems, Set<String> keys) {
        if (!(zip instanceof Map<?, ?> map)) {
            problems.add("", "must be a mapping of dotted keys to lists of equal length");
            return List.of();
        }
        List<String> labels = null;
        if (map.containsKey(LABELS)) {
            if (map.get(LABELS) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                labels = list.stream().map(String.class::cast).toList();
                labels.forEach(label -> checkLabel(label, problems.under(LABELS)));
            } else {
                problems.add(LABELS, "must be a list of cell id parts, one per zipped entry");
            }
        }

        Map<String, List<?>> columns = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.equals(LABELS) || !checkKey(key, problems)) {
                continue;
            }
            if (keys.contains(key)) {
                problems.add(key, "is swept by the grid too; sweep each key in one place");
                continue;
            }
            if (!(entry.getValue() instanceof List<?> values) || values.isEmpty()) {
                problems.add(key, "must be a non-empty list of values (zip lists are stepped together)");
                continue;
            }
            keys.add(key);
            columns.put(key, values);
        }
        if (columns.isEmpty()) {
            return List.of();
        }

        int length = columns.values().iterator().next().size();
        boolean equal = columns.values().stream().allMatch(values -> values.size() == length)
                && (labels == null || labels.size() == length);
        if (!equal) {
            Map<String, Integer> lengths = new LinkedHashMap<>();
            columns.forEach((key, values) -> lengths.put(key, values.size()));
            if (labels != null) {
                lengths.put(LABELS, labels.size());
            }
            problems.add("", "lists must have equal lengths, got " + lengths);
            return List.of();
        }

        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            List<Assignment> assignments = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<?>> column : columns.entrySet()) {
                Object value = column.getValue().get(i);
                assignments.add(new Assignment(
                        column.getKey(), value, KEY + "." + ZIP + "." + column.getKey() + "[" + i + "]"));
                parts.add(CellIds.part(column.getKey(), value));
            }
            choices.add(new Choice(labels != null ? labels.get(i) : String.join("_", parts), assignments));
        }
        return choices;
    }

    /** Checks the form and section of a swept key; returns whether it is usable. */
    private static boolean checkKey(String key, ConfigProblems problems) {
        String section = key.split("\\.", 2)[0];
        if (key.equals("seed") || key.equals("seeds")) {
            problems.add(key, "seeds are not swept: list them under the top-level key 'seeds'");
            return false;
        }
        if (!KEY_PATH.matcher(key).matches()) {
            problems.add(key, "must be a dotted key inside a section, such as model.masking.target-ratio"
                    + " (lower-case words joined by '-', at least two of them)");
            return false;
        }
        if (!SWEEPABLE_SECTIONS.contains(section)) {
            problems.add(key, "can only sweep keys inside " + SWEEPABLE_SECTIONS
                    + "; to compare evaluations, list each one under 'evaluate'");
            return false;
        }
        return true;
    }

    private static void checkLabel(String label, ConfigProblems problems) {
        if (!ID.matcher(label).matches()) {
            problems.add(label, "a label becomes part of a folder name: use letters, digits and . _ + -"
                    + " and start with a letter or digit");
        }
    }

    /** Reports keys of which one lies inside another, whose order of application would matter. */
    private static void checkOverlaps(Set<String> keys, ConfigProblems problems) {
        for (String outer : keys) {
            for (String inner : keys) {
                if (inner.startsWith(outer + ".")) {
                    problems.add("", "swept key '" + inner + "' lies inside swept key '" + outer
                            + "'; sweep one or the other");
                }
            }
        }
    }

    private static List<Cell> product(List<List<Choice>> axes) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell("", List.of()));
        for (List<Choice> axis : axes) {
            List<Cell> next = new ArrayList<>();
            for (Cell cell : cells) {
                for (Choice choice : axis) {
                    List<Assignment> assignments = new ArrayList<>(cell.assignments());
                    assignments.addAll(choice.assignments());
                    String id = cell.id().isEmpty() ? choice.part() : cell.id() + "_" + choice.part();
                    next.add(new Cell(id, assignments));
                }
            }
            cells = next;
        }
        return cells;
    }
}
