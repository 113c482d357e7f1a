package org.siammae.experiments.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.random.RunRandom;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.evaluate.EvaluationStep;
import org.siammae.experiments.evaluate.EvaluationTask;

/**
 * One entry of a descriptor's {@code evaluate} list, {@code {task: davis, data: ..., preset:
 * siammae}}: the {@link EvaluationTask} component named by {@code task}, with the other keys as its
 * options. Its results go to {@code <cell>/eval/<index>-<task>/}.
 *
 * @param index the position in the list
 * @param task the task name
 * @param spec the component, with the entry's other keys as options (as {@link EvaluationStep}
 *     routes them)
 */
public record EvaluationEntry(int index, String task, ComponentSpec spec) {

    /** The folder of a cell that contains its evaluations. */
    public static final String FOLDER = "eval";

    /** Returns the folder name of this evaluation inside {@value #FOLDER}. */
    public String folderName() {
        return index + "-" + task;
    }

    /**
     * Returns the prefix of this evaluation's metric ids: the task name; {@code task(features)} for
     * a baseline ({@code davis(random-init)}); the folder name when the list evaluates the same task
     * with the same features twice.
     *
     * @param all every entry of the list
     */
    public String metricPrefix(List<EvaluationEntry> all) {
        String label = features().equals(CHECKPOINT_FEATURES) ? task : task + "(" + features() + ")";
        long sameLabel =
                all.stream()
                        .filter(e -> e.task().equals(task) && e.features().equals(features()))
                        .count();
        return sameLabel > 1 ? folderName() : label;
    }

    /** Returns the entry's {@code features} key ({@code checkpoint} unless it names a baseline). */
    public String features() {
        Object value = spec.options().get(FEATURES_KEY);
        return value == null ? CHECKPOINT_FEATURES : value.toString();
    }

    private static final String FEATURES_KEY = "features";
    private static final String CHECKPOINT_FEATURES = "checkpoint";

    /**
     * Returns the entries of an experiment whose descriptor has been checked, with each entry's
     * options routed as {@link EvaluationStep} binds them (propagation keys moved under {@code
     * propagation}).
     *
     * @param spec the checked experiment; {@link ExperimentSpec#parse} has reported any problem of
     *     its entries
     * @param registry the component registry
     * @throws ConfigException if an entry is invalid after all
     */
    public static List<EvaluationEntry> of(ExperimentSpec spec, ComponentRegistry registry) {
        ConfigProblems problems = new ConfigProblems(spec.descriptor().location());
        ComponentContext context = ComponentContext.of(registry, new RunRandom(spec.seed()), Path.of("").toAbsolutePath());
        List<ComponentSpec> specs = EvaluationStep.check(spec.evaluate(), problems, context);
        problems.throwIfAny();
        List<EvaluationEntry> entries = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            entries.add(new EvaluationEntry(i, specs.get(i).name(), specs.get(i)));
        }
        return entries;
    }
}
