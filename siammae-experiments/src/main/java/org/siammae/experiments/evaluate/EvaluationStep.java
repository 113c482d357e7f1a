package org.siammae.experiments.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.siammae.eval.EvalRequest;
import org.siammae.eval.TaskOptions;
import org.siammae.eval.features.FeatureSource;
import org.siammae.eval.propagation.PropagationOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code evaluate:} section of a pretraining descriptor: each entry names an {@link
 * EvaluationTask} with {@code task} and sets its options. After training, each task runs on the
 * final checkpoint and writes into {@code <run>/eval/<index>-<task>[-<preset>]}.
 *
 * <p>Propagation options ({@code top-k}, {@code radius}, ...) may stand beside the task's keys;
 * they are moved into the task's {@code propagation} overrides before binding.
 */
public final class EvaluationStep {

    /** The descriptor key of the section. */
    public static final String KEY = "evaluate";

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationStep.class);

    private EvaluationStep() {}

    /**
     * Checks every entry, adding problems with their key paths ({@code evaluate[0].top-k}).
     *
     * @param entries the section as written
     * @param problems the descriptor's problem collector
     * @param context the context with the component registry
     * @return the component specs of the valid entries
     */
    public static List<ComponentSpec> check(
            List<Object> entries, ConfigProblems problems, ComponentContext context) {
        List<ComponentSpec> specs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String keyPath = KEY + "[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> map)) {
                problems.add(keyPath, "must be a mapping such as {task: davis, data: <folder>}");
                continue;
            }
            Object name = map.get(EvaluationTask.TASK_KEY);
            if (!(name instanceof String task) || task.isBlank()) {
                problems.add(
                        keyPath + "." + EvaluationTask.TASK_KEY,
                        "missing task; registered evaluation tasks: "
                                + String.join(", ", context.registry().providers(EvaluationTask.KIND).keySet()));
                continue;
            }
            int before = problems.list().size();
            ComponentSpec spec =
                    new ComponentSpec(
                            task,
                            routeOptions(task, map, context, problems.under(keyPath)),
                            keyPath,
                            problems.location());
            Object bound = context.registry().check(EvaluationTask.KIND, spec, problems);
            if (bound instanceof TaskOptions options && problems.list().size() == before) {
                EvalRequest.propagation(options, keyPath, problems, context);
            }
            if (problems.list().size() == before) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /**
     * Runs every entry on a checkpoint.
     *
     * @param entries the section as written
     * @param location where the descriptor came from, for messages
     * @param context the context with the component registry
     * @param runFolder the run folder; results go to its {@code eval} folder
     * @param checkpoint the checkpoint whose encoder is evaluated
     * @return the headline figures of each entry
     * @throws Exception if an entry is invalid or its run fails
     */
    public static List<EvaluationResult> run(
            List<Object> entries,
            ConfigLocation location,
            ComponentContext context,
            Path runFolder,
            Path checkpoint)
            throws Exception {
        ConfigProblems problems = new ConfigProblems(location);
        List<ComponentSpec> specs = check(entries, problems, context);
        problems.throwIfAny();
        List<EvaluationResult> results = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ComponentSpec spec = specs.get(i);
            EvaluationTask task = context.registry().create(EvaluationTask.KIND, spec, context);
            String label = spec.name();
            if (task instanceof LabelPropagationTask propagation) {
                TaskOptions options = propagation.request().options();
                label += "-" + options.preset;
                if (options.features != FeatureSource.CHECKPOINT) {
                    label += "-" + options.features.key();
                }
            }
            Path output = runFolder.resolve("eval").resolve(i + "-" + label);
            EvaluationResult result = task.evaluate(checkpoint, output);
            LOG.info("Evaluation {} -> {}", headline(label, result), output);
            results.add(result);
        }
        return results;
    }

    /**
     * Formats an evaluation's metrics in percent, as papers report them: {@code davis-siammae
     * J&F-Mean 44.92 J-Mean 48.17 F-Mean 41.68}.
     *
     * @param label the evaluation's label (task, preset and features)
     * @param result the evaluation's result
     */
    public static String headline(String label, EvaluationResult result) {
        StringBuilder line = new StringBuilder(label);
        result.metrics()
                .forEach((name, value) -> line.append(String.format(java.util.Locale.ROOT, "  %s %.2f", name, 100 * value)));
        return line.toString();
    }

    /**
     * Returns an entry's options for binding: without {@code task}, and with propagation keys that
     * the task's options lack moved into its {@code propagation} map. A key that neither accepts is
     * reported with the closest valid key of both and left out.
     */
    private static Map<String, Object> routeOptions(
            String task, Map<?, ?> entry, ComponentContext context, ConfigProblems entryProblems) {
        ComponentProvider<EvaluationTask> provider =
                context.registry().providers(EvaluationTask.KIND).get(task);
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<?, ?> item : entry.entrySet()) {
            if (!EvaluationTask.TASK_KEY.equals(item.getKey())) {
                options.put(String.valueOf(item.getKey()), item.getValue());
            }
        }
        if (provider == null || !(provider.newOptions() instanceof TaskOptions taskOptions)) {
            return options;
        }
        var taskKeys = EvalRequest.keys(taskOptions);
        var propagationKeys = EvalRequest.keys(new PropagationOptions());
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (options.get("propagation") instanceof Map<?, ?> nested) {
            nested.forEach((key, value) -> overrides.put(String.valueOf(key), value));
        }
        options.keySet()
                .removeIf(
                        key -> {
                            if (taskKeys.contains(key)) {
                                return false;
                            }
                            if (propagationKeys.contains(key)) {
                                overrides.put(key, options.get(key));
                            } else {
                                Set<String> valid = new LinkedHashSet<>(taskKeys);
                                valid.addAll(propagationKeys);
                                entryProblems.add(key, OptionsBinder.unknownKeyMessage(key, valid));
                            }
                            return true;
                        });
        if (!overrides.isEmpty()) {
            options.put("propagation", overrides);
        }
        return options;
    }
}
