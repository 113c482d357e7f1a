package org.siammae.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.siammae.api.random.RunRandom;
import org.siammae.data.DataSettings;
import org.siammae.experiments.descriptor.Descriptor;
import org.siammae.experiments.evaluate.EvaluationStep;
import org.siammae.experiments.model.ModelSettings;
import org.siammae.experiments.train.TrainSettings;

/**
 * A checked pretraining experiment: the descriptor's sections parsed into settings. Parsing
 * reports every problem of the descriptor at once, before anything is built or computed.
 *
 * @param descriptor the resolved descriptor
 * @param name the run name
 * @param seed the run seed
 * @param output the folder that contains run folders
 * @param model the model section
 * @param data the data section
 * @param train the train section
 * @param evaluate the evaluations to run after pretraining, as written
 */
public record ExperimentSpec(
        Descriptor descriptor,
        String name,
        long seed,
        String output,
        ModelSettings model,
        DataSettings data,
        TrainSettings train,
        List<Object> evaluate) {

    /** Top-level keys a pretraining descriptor may have. */
    public static final Set<String> KEYS =
            new LinkedHashSet<>(
                    List.of("name", "description", "seed", "output", "model", "data", "train", "evaluate"));

    /**
     * Parses and checks a descriptor.
     *
     * @param descriptor the resolved descriptor
     * @param registry the component registry
     * @param extraKeys further top-level keys the caller handles (sweeps, references)
     * @throws org.siammae.api.config.ConfigException listing every problem
     */
    public static ExperimentSpec parse(
            Descriptor descriptor, ComponentRegistry registry, Set<String> extraKeys) {
        ConfigProblems problems = new ConfigProblems(descriptor.location());
        Set<String> allowed = new LinkedHashSet<>(KEYS);
        allowed.addAll(extraKeys);
        for (String key : descriptor.root().keySet()) {
            if (!allowed.contains(key)) {
                problems.add(key, OptionsBinder.unknownKeyMessage(key, allowed));
            }
        }

        String name = text(descriptor, "name", defaultName(descriptor), problems);
        String output = text(descriptor, "output", "runs", problems);
        long seed = seed(descriptor, problems);
        ModelSettings model = ModelSettings.parse(section(descriptor, ModelSettings.KEY, problems), problems, registry);
        DataSettings data =
                DataSettings.parse(
                        section(descriptor, "data", problems), "data", descriptor.location(), registry, problems);
        TrainSettings train =
                TrainSettings.parse(section(descriptor, TrainSettings.KEY, problems), problems, registry);
        List<Object> evaluate = new ArrayList<>();
        Object evaluations = descriptor.root().get("evaluate");
        if (evaluations instanceof List<?> list) {
            evaluate.addAll(list);
        } else if (evaluations != null) {
            problems.add("evaluate", "must be a list of evaluations");
        }
        EvaluationStep.check(
                evaluate,
                problems,
                ComponentContext.of(registry, new RunRandom(seed), Path.of("").toAbsolutePath()));
        problems.throwIfAny();
        return new ExperimentSpec(descriptor, name, seed, output, model, data, train, evaluate);
    }

    private static String defaultName(Descriptor descriptor) {
        String file = descriptor.file().getFileName().toString();
        return file.replaceFirst("\\.ya?ml$", "");
    }

    private static String text(Descriptor descriptor, String key, String fallback, ConfigProblems problems) {
        Object value = descriptor.root().get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        problems.add(key, "must be a non-empty string, got " + value);
        return fallback;
    }

    private static long seed(Descriptor descriptor, ConfigProblems problems) {
        Object value = descriptor.root().get("seed");
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        problems.add("seed", "must be an integer, got " + value);
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Descriptor descriptor, String key, ConfigProblems problems) {
        Object value = descriptor.root().get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        problems.add(key, "must be a mapping of keys to values");
        return Map.of();
    }
}
