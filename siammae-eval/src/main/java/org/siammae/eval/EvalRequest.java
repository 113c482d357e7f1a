package org.siammae.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.siammae.eval.propagation.PropagationOptions;
import org.siammae.eval.propagation.PropagationSettings;

/**
 * One evaluation as a descriptor's {@code evaluate:} entry or the command line states it, for
 * example {@code {task: davis, data: ../shared/data/davis2016, preset: dino, top-k: 10}}.
 *
 * <p>{@code task} selects the task; keys of the task's options class set it; every other key is a
 * propagation option that overrides the preset. Unknown keys are reported with both key sets.
 *
 * @param task the task
 * @param options the bound task options
 * @param propagation the protocol: the preset with the overrides applied
 */
public record EvalRequest(EvalTask task, TaskOptions options, PropagationSettings propagation) {

    /** The key that names the task. */
    public static final String TASK_KEY = "task";

    /**
     * Binds an entry, recording every problem before throwing.
     *
     * @param entry the entry's keys and values
     * @param keyPath the dotted path of the entry, such as {@code evaluate.0}
     * @param location where the entry came from
     * @param context the context whose registry contains the propagation presets
     * @throws org.siammae.api.config.ConfigException listing every problem found
     */
    public static EvalRequest bind(
            Map<String, ?> entry, String keyPath, ConfigLocation location, ComponentContext context) {
        ConfigProblems problems = new ConfigProblems(location);
        EvalRequest request = check(entry, keyPath, problems, context);
        problems.throwIfAny();
        return request;
    }

    /**
     * Binds an entry, adding every problem to a collector (for checking a whole descriptor).
     *
     * @param entry the entry's keys and values
     * @param keyPath the dotted path of the entry, such as {@code evaluate.0}
     * @param problems where problems are recorded, with full key paths
     * @param context the context whose registry contains the propagation presets
     * @return the request, or null when a problem was found
     */
    public static EvalRequest check(
            Map<String, ?> entry, String keyPath, ConfigProblems problems, ComponentContext context) {
        ConfigProblems entryProblems = problems.under(keyPath);
        int before = problems.list().size();
        Object taskName = entry.get(TASK_KEY);
        EvalTask task = null;
        for (EvalTask candidate : EvalTask.values()) {
            if (candidate.key().equals(taskName)) {
                task = candidate;
            }
        }
        if (task == null) {
            entryProblems.add(
                    TASK_KEY,
                    (taskName == null ? "missing" : "unknown task '" + taskName + "'")
                            + "; choose one of "
                            + Arrays.stream(EvalTask.values()).map(EvalTask::key).toList());
            return null;
        }
        TaskOptions options = task.newOptions();
        Set<String> taskKeys = keys(options);
        Set<String> propagationKeys = keys(new PropagationOptions());
        Map<String, Object> taskValues = new LinkedHashMap<>();
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, ?> item : entry.entrySet()) {
            String key = item.getKey();
            if (key.equals(TASK_KEY)) {
                continue;
            }
            if (taskKeys.contains(key)) {
                taskValues.put(key, item.getValue());
            } else if (propagationKeys.contains(key)) {
                overrides.put(key, item.getValue());
            } else {
                Set<String> all = new LinkedHashSet<>(taskKeys);
                all.addAll(propagationKeys);
                entryProblems.add(key, OptionsBinder.unknownKeyMessage(key, all));
            }
        }
        OptionsBinder.bind(taskValues, options, entryProblems);
        if (problems.list().size() > before) {
            return null;
        }
        Map<String, Object> allOverrides = new LinkedHashMap<>(options.propagation);
        allOverrides.putAll(overrides);
        options.propagation = allOverrides;
        PropagationSettings propagation = propagation(options, keyPath, problems, context);
        return propagation == null ? null : new EvalRequest(task, options, propagation);
    }

    /**
     * Resolves the protocol of bound task options: the preset with {@code options.propagation}
     * applied.
     *
     * @param options bound task options
     * @param keyPath the dotted path of the entry, for messages
     * @param problems where an unknown preset or invalid override is recorded
     * @param context the context whose registry contains the propagation presets
     * @return the settings, or null when a problem was found
     */
    public static PropagationSettings propagation(
            TaskOptions options, String keyPath, ConfigProblems problems, ComponentContext context) {
        int before = problems.list().size();
        ComponentSpec spec =
                new ComponentSpec(options.preset, options.propagation, keyPath, problems.location());
        Object bound = context.registry().check(EvalKinds.PROPAGATION, spec, problems);
        if (problems.list().size() > before) {
            return null;
        }
        return context.registry().provider(EvalKinds.PROPAGATION, spec).create(bound, context);
    }

    /**
     * Returns the keys an options object accepts.
     *
     * @param options an options object
     */
    public static Set<String> keys(Object options) {
        Set<String> keys = new LinkedHashSet<>();
        List<OptionsBinder.FieldInfo> fields = OptionsBinder.describe(options);
        fields.forEach(field -> keys.add(field.key()));
        return keys;
    }
}
