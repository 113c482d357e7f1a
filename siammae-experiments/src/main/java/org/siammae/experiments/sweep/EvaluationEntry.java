package org.siammae.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.experiments.evaluate.EvaluationTask;

/**
 * One entry of a descriptor's {@code evaluate} list, {@code {task: davis, data: ..., preset:
 * siammae}}: the {@link EvaluationTask} component named by {@code task}, with the other keys as its
 * options. Its results go to {@code <cell>/eval/<index>-<task>/}.
 *
 * @param index the position in the list
 * @param task the task name
 * @param spec the component, with the entry's other keys as options
 */
public record EvaluationEntry(int index, String task, ComponentSpec spec) {

    /** The folder of a cell that holds its evaluations. */
    public static final String FOLDER = "eval";

    /** Returns the folder name of this evaluation inside {@value #FOLDER}. */
    public String folderName() {
        return index + "-" + task;
    }

    /**
     * Returns the prefix of this evaluation's metric ids: the task name, or the folder name when
     * the list evaluates the same task twice.
     *
     * @param all every entry of the list
     */
    public String metricPrefix(List<EvaluationEntry> all) {
        long sameTask = all.stream().filter(e -> e.task().equals(task)).count();
        return sameTask > 1 ? folderName() : task;
    }

    /**
     * Checks every entry's task name and options with the registry, recording every problem.
     *
     * @param entries the list as written
     * @param location where the descriptor came from
     * @param registry the component registry
     * @param problems a collector without key prefix
     * @return the entries without problems
     */
    public static List<EvaluationEntry> check(
            List<Object> entries, ConfigLocation location, ComponentRegistry registry, ConfigProblems problems) {
        List<EvaluationEntry> checked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String keyPath = "evaluate[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(keyPath, "must be a mapping such as {" + EvaluationTask.TASK_KEY + ": davis, data: <folder>}");
                continue;
            }
            if (!(entry.get(EvaluationTask.TASK_KEY) instanceof String task) || task.isBlank()) {
                problems.add(keyPath, "missing '" + EvaluationTask.TASK_KEY + "': name the evaluation task,"
                        + " for example " + EvaluationTask.TASK_KEY + ": davis");
                continue;
            }
            Map<String, Object> options = new LinkedHashMap<>();
            entry.forEach((key, value) -> {
                if (!EvaluationTask.TASK_KEY.equals(key)) {
                    options.put(String.valueOf(key), value);
                }
            });
            ComponentSpec spec = new ComponentSpec(task, options, keyPath, location);
            int before = problems.list().size();
            registry.check(EvaluationTask.KIND, spec, problems);
            if (problems.list().size() == before) {
                checked.add(new EvaluationEntry(i, task, spec));
            }
        }
        return checked;
    }
}
