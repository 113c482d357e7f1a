package org.siammae.experiments.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The provenance of a set of runs, field by field: each field's distinct values with the number of
 * runs that recorded it, so that a table whose runs came from different commits, machines or data
 * shows it.
 */
final class ProvenanceSummary {

    private static final Map<String, Function<Map<String, Object>, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("git commit of pretraining", p -> environment(p, "git_commit"));
        FIELDS.put("uncommitted changes at pretraining (git dirty)", p -> environment(p, "git_dirty"));
        FIELDS.put("siammae version", p -> environment(p, "siammae_version"));
        FIELDS.put("Java", p -> environment(p, "java_version") + " (" + environment(p, "java_vendor") + ")");
        FIELDS.put("DJL", p -> environment(p, "djl_version"));
        FIELDS.put("engine", p -> environment(p, "engine"));
        FIELDS.put("device", p -> environment(p, "device"));
        FIELDS.put("host", p -> environment(p, "host") + ", " + environment(p, "cpu_cores") + " cores, "
                + environment(p, "os"));
        FIELDS.put("training data", p -> data(p, "source") + " (" + data(p, "clips") + " clips)");
        FIELDS.put("data index fingerprint", p -> data(p, "index-fingerprint"));
    }

    private ProvenanceSummary() {}

    /**
     * Returns each field's distinct values with their run counts, for runs that recorded
     * provenance.
     *
     * @param results the runs
     */
    static Map<String, Map<String, Integer>> of(List<RunResult> results) {
        Map<String, Map<String, Integer>> summary = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Map<String, Object>, Object>> field : FIELDS.entrySet()) {
            Map<String, Integer> values = new LinkedHashMap<>();
            for (RunResult result : results) {
                if (!result.provenance().isEmpty()) {
                    values.merge(String.valueOf(field.getValue().apply(result.provenance())), 1, Integer::sum);
                }
            }
            summary.put(field.getKey(), values);
        }
        Map<String, Integer> evaluations = new LinkedHashMap<>();
        results.forEach(r -> r.evaluationCommits().forEach(c -> evaluations.merge(c, 1, Integer::sum)));
        summary.put("git commit of evaluations", evaluations);
        return summary;
    }

    /**
     * Formats one field's values: the value alone when all runs agree, else each value with the
     * number of runs (or evaluations) that recorded it.
     *
     * @param values distinct values with run counts
     */
    static String format(Map<String, Integer> values) {
        if (values.isEmpty()) {
            return "not recorded";
        }
        if (values.size() == 1) {
            return values.keySet().iterator().next();
        }
        StringBuilder text = new StringBuilder();
        values.forEach((value, count) -> text.append(text.length() == 0 ? "" : "; ")
                .append(value).append(" (").append(count).append(count == 1 ? " run)" : " runs)"));
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object environment(Map<String, Object> provenance, String key) {
        Object environment = provenance.get("environment");
        return environment instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
    }

    @SuppressWarnings("unchecked")
    private static Object data(Map<String, Object> provenance, String key) {
        Object data = provenance.get("data");
        return data instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
    }
}
