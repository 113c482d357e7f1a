package org.siammae.experiments.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.random.RunRandom;
import org.siammae.eval.io.Selection;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.evaluate.EvaluationTask;

/**
 * Checks before any compute that the data a cell reads exists: the {@code root} or {@code list}
 * of its clip source and the {@code data} folder of each evaluation, which its task then checks
 * further ({@link EvaluationTask#checkData}: layout, sequence names). Other path options are not
 * checked here; their components report them when they open.
 */
public final class DataRoots {

    private static final List<String> SOURCE_KEYS = List.of("root", "list");
    private static final String EVALUATION_KEY = "data";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private DataRoots() {}

    /**
     * Records a problem for every data path that does not exist.
     *
     * @param spec the cell's parsed experiment
     * @param evaluations the cell's checked evaluations
     * @param workingDirectory the folder relative paths resolve against
     * @param registry the component registry, to create each evaluation task for its data check
     * @param problems a collector without key prefix
     */
    public static void check(
            ExperimentSpec spec, List<EvaluationEntry> evaluations, Path workingDirectory, ComponentRegistry registry,
            ConfigProblems problems) {
        ComponentSpec source = spec.data().source();
        if (source != null) {
            for (String key : SOURCE_KEYS) {
                checkPath(source.options().get(key), source.keyPath() + "." + key, workingDirectory, problems);
            }
        }
        ComponentContext context = ComponentContext.of(registry, new RunRandom(spec.seed()), workingDirectory);
        for (EvaluationEntry entry : evaluations) {
            String key = "evaluate[" + entry.index() + "]";
            if (checkPath(entry.spec().options().get(EVALUATION_KEY), key + "." + EVALUATION_KEY,
                    workingDirectory, problems)) {
                checkEvaluationData(entry, key, context, problems);
            }
        }
    }

    /** Lets an evaluation task check its data (layout, sequence names) before any pretraining. */
    private static void checkEvaluationData(
            EvaluationEntry entry, String key, ComponentContext context, ConfigProblems problems) {
        try {
            context.registry().create(EvaluationTask.KIND, entry.spec(), context).checkData();
        } catch (Selection.UnknownNameException e) {
            problems.add(key + "." + e.optionKey(), e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof NoSuchFileException missing && missing.getReason() != null
                    ? missing.getReason() + ": " + missing.getFile() : e.getMessage();
            problems.add(key, entry.task() + " data cannot be used: " + reason);
        }
    }

    /**
     * Throws a {@link org.siammae.api.config.ConfigException} naming every data path of an
     * experiment that does not exist, before anything is trained.
     *
     * @param spec the parsed experiment
     * @param registry the component registry
     */
    public static void requireExisting(ExperimentSpec spec, ComponentRegistry registry) {
        ConfigProblems problems = new ConfigProblems(spec.descriptor().location());
        check(spec, EvaluationEntry.of(spec, registry), Path.of("").toAbsolutePath(), registry, problems);
        problems.throwIfAny();
    }

    /** Records a problem if a path option names nothing, and returns whether it names something. */
    private static boolean checkPath(Object value, String keyPath, Path workingDirectory, ConfigProblems problems) {
        if (!(value instanceof String text) || text.isBlank()) {
            return false;
        }
        Path path;
        try {
            path = workingDirectory.resolve(text).normalize();
        } catch (InvalidPathException e) {
            problems.add(keyPath, "invalid path '" + text + "': " + e.getReason());
            return false;
        }
        if (!Files.exists(path)) {
            List<String> variables = variablesOnLine(problems.location(), keyPath);
            String fix = variables.isEmpty()
                    ? "fix the path or the environment variable that sets it"
                    : "set " + String.join(" or ", variables) + " or fix the path";
            problems.add(keyPath, "data not found: " + path + " (relative paths resolve against the working"
                    + " directory " + workingDirectory + "); " + fix);
            return false;
        }
        return true;
    }

    /** Returns the {@code ${VAR}} names written on the line of a key, read from its file. */
    private static List<String> variablesOnLine(ConfigLocation location, String keyPath) {
        int line = location.lineOf(keyPath);
        Path file = Path.of(location.fileOf(keyPath));
        if (line <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            String text = lines.skip(line - 1).findFirst().orElse("");
            List<String> names = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
