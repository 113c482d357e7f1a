package org.siammae.experiments.sweep;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigProblems;
import org.siammae.experiments.ExperimentSpec;

/**
 * Checks before any compute that the data a cell reads exists: the {@code root} or {@code list}
 * of its clip source and the {@code data} folder of each evaluation. Other path options are not
 * checked here; their components report them when they open.
 */
final class DataRoots {

    private static final List<String> SOURCE_KEYS = List.of("root", "list");
    private static final String EVALUATION_KEY = "data";

    private DataRoots() {}

    /**
     * Records a problem for every data path that does not exist.
     *
     * @param spec the cell's parsed experiment
     * @param evaluations the cell's checked evaluations
     * @param workingDirectory the folder relative paths resolve against
     * @param problems a collector without key prefix
     */
    static void check(
            ExperimentSpec spec, List<EvaluationEntry> evaluations, Path workingDirectory, ConfigProblems problems) {
        ComponentSpec source = spec.data().source();
        if (source != null) {
            for (String key : SOURCE_KEYS) {
                checkPath(source.options().get(key), source.keyPath() + "." + key, workingDirectory, problems);
            }
        }
        for (EvaluationEntry entry : evaluations) {
            checkPath(entry.spec().options().get(EVALUATION_KEY), "evaluate[" + entry.index() + "]." + EVALUATION_KEY,
                    workingDirectory, problems);
        }
    }

    private static void checkPath(Object value, String keyPath, Path workingDirectory, ConfigProblems problems) {
        if (!(value instanceof String text) || text.isBlank()) {
            return;
        }
        Path path;
        try {
            path = workingDirectory.resolve(text).normalize();
        } catch (InvalidPathException e) {
            problems.add(keyPath, "invalid path '" + text + "': " + e.getReason());
            return;
        }
        if (!Files.exists(path)) {
            problems.add(keyPath, "data not found: " + path + " (relative paths resolve against the working"
                    + " directory " + workingDirectory + "); fix the path or the environment variable that sets it");
        }
    }
}
