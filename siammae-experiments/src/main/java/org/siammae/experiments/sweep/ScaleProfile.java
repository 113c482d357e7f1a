package org.siammae.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigProblem;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.siammae.experiments.descriptor.Descriptor;
import org.siammae.experiments.descriptor.DescriptorEditor;
import org.siammae.experiments.descriptor.DescriptorLoader;
import org.siammae.experiments.descriptor.DescriptorLocation;
import org.siammae.experiments.evaluate.EvaluationTask;

/**
 * A scale profile: one YAML file that shrinks or grows every table the same way, selected by the
 * table's {@code scale} key ({@code scale: tiny}, or {@code scale=paper} on the command line).
 *
 * <p>The name {@code tiny} is looked up as {@code scales/tiny.yaml} in the table's folder and then
 * in each folder above it, then likewise from the folder of each file the table extends. A value
 * with a {@code /} or a {@code .yaml} ending is a path, relative to the file that sets it. A profile has the keys {@code model}, {@code data} and {@code train},
 * merged over every cell after the table's own keys (mappings key by key, lists and scalars
 * replaced), and {@code evaluate}, a mapping from task name to keys merged into each evaluation of
 * that task. Evaluations of a task the profile does not name are skipped at that scale, because
 * the profile has no data or settings for them. Sweep values and command-line overrides still win
 * over the profile.
 */
public final class ScaleProfile {

    /** The table key that selects a profile. */
    public static final String KEY = "scale";

    /** The folder name searched for profiles. */
    public static final String FOLDER = "scales";

    private static final Set<String> KEYS =
            new LinkedHashSet<>(List.of("description", "model", "data", "train", "evaluate"));
    private static final List<String> SECTIONS = List.of("model", "data", "train");

    private final String name;
    private final Descriptor profile;

    private ScaleProfile(String name, Descriptor profile) {
        this.name = name;
        this.profile = profile;
    }

    /** Returns the profile name (the file name without {@code .yaml}), used in folder names. */
    public String name() {
        return name;
    }

    /** Returns the profile file. */
    public Path file() {
        return profile.file();
    }

    /** Returns the SHA-256 of the resolved profile, as {@link Descriptor#sha256()} computes it. */
    public String sha256() {
        return profile.sha256();
    }

    /** Returns the profile's description, or an empty string. */
    public String description() {
        Object description = profile.root().get("description");
        return description == null ? "" : description.toString().strip();
    }

    /**
     * Finds and loads the profile a table names, recording every problem.
     *
     * @param table the resolved table descriptor
     * @param loader reads the profile (with {@code extends} and {@code ${VAR}})
     * @param problems a collector without key prefix, for the table's {@code scale} key
     * @param profileProblems receives the problems found in the profile file, with its lines
     * @return the profile, or null when the table names none or it could not be loaded
     */
    public static ScaleProfile resolve(
            Descriptor table, DescriptorLoader loader, ConfigProblems problems,
            Collection<ConfigProblem> profileProblems) {
        Object value = table.root().get(KEY);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(KEY, "must be a profile name such as tiny or paper, or a path to a profile file");
            return null;
        }
        List<Path> searched = new ArrayList<>();
        Path file = locate(table, text, searched);
        if (file == null) {
            problems.add(KEY, "scale profile '" + text + "' not found; looked for "
                    + searched.stream().map(Path::toString).toList());
            return null;
        }
        Descriptor profile;
        try {
            profile = loader.load(file, List.of());
        } catch (ConfigException e) {
            profileProblems.addAll(e.problems());
            return null;
        } catch (IOException e) {
            problems.add(KEY, "cannot read scale profile " + file + ": " + e.getMessage());
            return null;
        }
        profileProblems.addAll(check(profile));
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new ScaleProfile(name, profile);
    }

    private static Path locate(Descriptor table, String value, List<Path> searched) {
        if (value.contains("/") || value.endsWith(".yaml") || value.endsWith(".yml")) {
            String from = table.location().fileOf(KEY);
            Path base = DescriptorLocation.COMMAND_LINE.equals(from)
                    ? Path.of("").toAbsolutePath()
                    : Path.of(from).toAbsolutePath().getParent();
            Path file = base.resolve(value).normalize();
            searched.add(file);
            return Files.isRegularFile(file) ? file : null;
        }
        // The table's folder and those above it first, then those of the files it extends.
        List<Path> starts = new ArrayList<>();
        starts.add(table.file().toAbsolutePath().getParent());
        table.sourceFiles().forEach(f -> starts.add(Path.of(f).toAbsolutePath().getParent()));
        for (Path start : starts) {
            for (Path folder = start; folder != null; folder = folder.getParent()) {
                Path file = folder.resolve(FOLDER).resolve(value + ".yaml").normalize();
                if (searched.contains(file)) {
                    continue;
                }
                searched.add(file);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        return null;
    }

    private static List<ConfigProblem> check(Descriptor profile) {
        ConfigProblems problems = new ConfigProblems(profile.location());
        for (Map.Entry<String, Object> entry : profile.root().entrySet()) {
            String key = entry.getKey();
            if (!KEYS.contains(key)) {
                problems.add(key, OptionsBinder.unknownKeyMessage(key, KEYS));
            } else if (SECTIONS.contains(key) && !(entry.getValue() instanceof Map<?, ?>)) {
                problems.add(key, "must be a mapping of keys to values");
            }
        }
        Object evaluate = profile.root().get("evaluate");
        if (evaluate != null) {
            if (!(evaluate instanceof Map<?, ?> tasks)) {
                problems.add("evaluate", "must map task names to the keys set in each evaluation of that task");
            } else {
                tasks.forEach((task, keys) -> {
                    if (!(keys instanceof Map<?, ?> map) || map.containsKey(EvaluationTask.TASK_KEY)) {
                        problems.add("evaluate." + task, "must be a mapping of evaluation keys (without '"
                                + EvaluationTask.TASK_KEY + "')");
                    }
                });
            }
        }
        return problems.list();
    }

    /**
     * Applies the profile to a cell's descriptor.
     *
     * @param cell the cell's descriptor, edited in place
     * @return the tasks whose evaluations were skipped, one entry per skipped evaluation
     */
    public List<String> applyTo(DescriptorEditor cell) {
        for (String section : SECTIONS) {
            Object layer = profile.root().get(section);
            if (layer != null) {
                cell.merge(section, layer, profile.location(), section);
            }
        }
        List<String> skipped = new ArrayList<>();
        if (!(profile.root().get("evaluate") instanceof Map<?, ?> tasks)
                || !(cell.get("evaluate") instanceof List<?> entries)) {
            return skipped;
        }
        List<Object> kept = new ArrayList<>();
        cell.retainItems("evaluate", i -> {
            Object task = entries.get(i) instanceof Map<?, ?> entry ? entry.get(EvaluationTask.TASK_KEY) : null;
            boolean keep = task == null || tasks.containsKey(task);
            if (keep) {
                kept.add(task);
            } else {
                skipped.add(String.valueOf(task));
            }
            return keep;
        });
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i) != null && tasks.get(kept.get(i)) instanceof Map<?, ?> keys) {
                for (Object key : keys.keySet()) {
                    cell.merge("evaluate[" + i + "]." + key, keys.get(key), profile.location(),
                            "evaluate." + kept.get(i) + "." + key);
                }
            }
        }
        return skipped;
    }
}
