package org.siammae.experiments.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.siammae.experiments.descriptor.Descriptor;

/**
 * The {@code reference} section of a table descriptor: the published values that reports print
 * beside ours.
 *
 * <pre>{@code
 * reference:
 *   source: SiamMAE (Gupta et al., NeurIPS 2023), Table 1(d)
 *   note: ViT-S/16, 400 epochs on Kinetics-400, DAVIS-2017 val
 *   unit: percent                 # ours are fractions and print x100; 'fraction' prints them as is
 *   metrics: [davis/J&F-Mean, davis/J-Mean, davis/F-Mean]   # <task>/<metric>; the first is charted
 *   cells:                        # cell id -> values in the order of 'metrics' (null: not given)
 *     target-ratio-0.5: [49.0, 48.4, 49.6]
 *   others:                       # rows of the published table that this table does not run
 *     DINO ViT-S/16: [61.8, 60.2, 63.4]
 * }</pre>
 *
 * @param source where the values are published
 * @param note what the values were measured on, or empty
 * @param percent whether reference values are percentages of our fractions
 * @param metrics the metric ids, {@code <task>/<metric>}
 * @param cells values by cell id, in metric order, null where the source gives none
 * @param others values of published rows that are not cells
 */
public record Reference(
        String source,
        String note,
        boolean percent,
        List<String> metrics,
        Map<String, List<Double>> cells,
        Map<String, List<Double>> others) {

    /** The descriptor key of the section. */
    public static final String KEY = "reference";

    private static final Set<String> KEYS =
            new LinkedHashSet<>(List.of("source", "note", "unit", "metrics", "cells", "others"));

    /** A table without references. */
    public static final Reference NONE = new Reference("", "", true, List.of(), Map.of(), Map.of());

    /**
     * Returns the reference value of a cell for a metric, or null.
     *
     * @param cellId the cell id
     * @param metric the metric id
     */
    public Double value(String cellId, String metric) {
        List<Double> values = cells.get(cellId);
        int index = metrics.indexOf(metric);
        return values == null || index < 0 ? null : values.get(index);
    }

    /**
     * Reads the section, recording every problem.
     *
     * @param table the resolved table descriptor
     * @param cellIds the ids of the table's cells
     * @param dropUnknownCells whether reference values of cells the table lacks are dropped instead
     *     of reported, as when the command line changed the sweep or the sweep has its own problems
     * @param problems a collector without key prefix
     */
    public static Reference parse(
            Descriptor table, Collection<String> cellIds, boolean dropUnknownCells, ConfigProblems problems) {
        Object section = table.root().get(KEY);
        if (section == null) {
            return NONE;
        }
        ConfigProblems referenceProblems = problems.under(KEY);
        if (!(section instanceof Map<?, ?> map)) {
            referenceProblems.add("", "must be a mapping with source, metrics and cells");
            return NONE;
        }
        map.keySet().forEach(key -> {
            if (!KEYS.contains(String.valueOf(key))) {
                referenceProblems.add(String.valueOf(key), OptionsBinder.unknownKeyMessage(String.valueOf(key), KEYS));
            }
        });
        String source = text(map.get("source"));
        if (source.isEmpty()) {
            referenceProblems.add("source", "missing: say where the values are published (paper, table)");
        }
        Object unit = map.get("unit");
        if (unit != null && !"percent".equals(unit) && !"fraction".equals(unit)) {
            referenceProblems.add("unit", "must be percent or fraction, got " + unit);
        }
        List<String> metrics = new ArrayList<>();
        if (map.get("metrics") instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                String metric = text(list.get(i));
                if (!metric.matches("[^/\\s]+/\\S+")) {
                    referenceProblems.add("metrics[" + i + "]", "must be <task>/<metric>, such as davis/J&F-Mean; got '" + metric + "'");
                }
                metrics.add(metric);
            }
        } else {
            referenceProblems.add("metrics", "must be a non-empty list of metric ids such as davis/J&F-Mean");
        }
        Map<String, List<Double>> cells = rows(map.get("cells"), "cells", metrics, referenceProblems);
        if (dropUnknownCells) {
            cells.keySet().retainAll(cellIds);
        }
        for (String id : cells.keySet()) {
            if (!cellIds.contains(id)) {
                referenceProblems.add("cells." + id, "no cell has this id; the table's cells are " + cellIds);
            }
        }
        Map<String, List<Double>> others = rows(map.get("others"), "others", metrics, referenceProblems);
        return new Reference(source, text(map.get("note")), !"fraction".equals(unit), List.copyOf(metrics),
                cells, others);
    }

    private static Map<String, List<Double>> rows(
            Object section, String key, List<String> metrics, ConfigProblems problems) {
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        if (section == null) {
            return rows;
        }
        if (!(section instanceof Map<?, ?> map)) {
            problems.add(key, "must map a row name to its values");
            return rows;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            List<Double> values = values(entry.getValue(), metrics, problems.under(key).under(name));
            if (values != null) {
                rows.put(name, values);
            }
        }
        return rows;
    }

    /** Reads a row written as a list in metric order or as a mapping from metric id to value. */
    private static List<Double> values(Object row, List<String> metrics, ConfigProblems problems) {
        List<Double> values = new ArrayList<>();
        if (row instanceof List<?> list) {
            if (list.size() != metrics.size()) {
                problems.add("", "has " + list.size() + " values for " + metrics.size() + " metrics " + metrics);
                return null;
            }
            for (int i = 0; i < list.size(); i++) {
                values.add(number(list.get(i), "[" + i + "]", problems));
            }
            return values;
        }
        if (row instanceof Map<?, ?> map) {
            map.keySet().forEach(metric -> {
                if (!metrics.contains(String.valueOf(metric))) {
                    problems.add(String.valueOf(metric), "is not one of the metrics " + metrics);
                }
            });
            for (String metric : metrics) {
                values.add(number(map.get(metric), metric, problems));
            }
            return values;
        }
        problems.add("", "must be a list of values in the order of 'metrics', or a mapping of metric to value");
        return null;
    }

    private static Double number(Object value, String key, ConfigProblems problems) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        problems.add(key, "must be a number or null, got " + value);
        return null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
