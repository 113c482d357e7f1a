package org.siammae.experiments.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigProblem;
import org.siammae.api.config.ConfigProblems;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.descriptor.Descriptor;
import org.siammae.experiments.descriptor.DescriptorEditor;
import org.siammae.experiments.descriptor.DescriptorLoader;

/**
 * A table descriptor expanded into its runs, every one checked before any compute starts.
 *
 * <p>A table descriptor is an experiment descriptor with four more top-level keys: {@code sweep}
 * (the cells, see {@link Sweep}), {@code seeds} (a count or a list; default the descriptor's
 * {@code seed}), {@code scale} (a {@link ScaleProfile}) and {@code reference} (the published values,
 * see {@link Reference}). Each run's descriptor is built in layers, later layers winning: the
 * table with its base files, the scale profile, the cell's sweep values, then the command-line
 * overrides. Runs live in {@code <output>/<name>[-<scale>]/<cell id>/seed-<seed>/}.
 */
public final class TablePlan {

    /** Top-level keys of a table descriptor besides those of an experiment descriptor. */
    public static final Set<String> TABLE_KEYS =
            new LinkedHashSet<>(List.of(Sweep.KEY, "seeds", ScaleProfile.KEY, Reference.KEY));

    /** Top-level keys that the plan sets itself in each run's descriptor. */
    private static final Set<String> RUN_KEYS = Set.of("name", "seed", "output", "description");

    /** What the plan is loaded for, which decides the checks that need the data and the folders. */
    public enum Purpose {
        /** Running: data roots must exist and run folders must match their descriptors. */
        RUN,
        /** Reporting on runs that may have been made elsewhere: no data or folder checks. */
        REPORT
    }

    private final Descriptor table;
    private final String name;
    private final ScaleProfile scale;
    private final List<Long> seeds;
    private final Sweep sweep;
    private final Reference reference;
    private final Path folder;
    private final List<CellRun> runs;

    private TablePlan(
            Descriptor table, String name, ScaleProfile scale, List<Long> seeds, Sweep sweep,
            Reference reference, Path folder, List<CellRun> runs) {
        this.table = table;
        this.name = name;
        this.scale = scale;
        this.seeds = List.copyOf(seeds);
        this.sweep = sweep;
        this.reference = reference;
        this.folder = folder;
        this.runs = List.copyOf(runs);
    }

    /**
     * Loads a table descriptor and checks every run.
     *
     * @param file the table descriptor
     * @param overrides {@code key=value} overrides from the command line
     * @param registry the component registry
     * @param purpose what the plan is for
     * @throws IOException if a descriptor file cannot be read
     * @throws ConfigException listing every problem of the table and of all its runs
     */
    public static TablePlan load(Path file, List<String> overrides, ComponentRegistry registry, Purpose purpose)
            throws IOException {
        return load(file, overrides, registry, purpose, run -> true);
    }

    /**
     * Loads a table descriptor and checks every run's descriptor, while the checks of a {@link
     * Purpose#RUN} plan that look at data roots and run folders cover only some runs.
     *
     * @param file the table descriptor
     * @param overrides {@code key=value} overrides from the command line
     * @param registry the component registry
     * @param purpose what the plan is for
     * @param runsToRun the runs about to run, whose data roots and folders are checked
     * @throws IOException if a descriptor file cannot be read
     * @throws ConfigException listing every problem of the table, of all its run descriptors and
     *     of the data and folders of the selected runs
     */
    public static TablePlan load(
            Path file, List<String> overrides, ComponentRegistry registry, Purpose purpose,
            Predicate<CellRun> runsToRun) throws IOException {
        DescriptorLoader loader = new DescriptorLoader();
        Descriptor table = loader.load(file, overrides);
        return build(table, overrides, loader, registry, purpose, runsToRun);
    }

    /**
     * Expands a loaded table descriptor and checks every run.
     *
     * @param table the resolved table descriptor, overrides applied
     * @param overrides the overrides applied to it, to apply again over the scale and the sweep
     * @param loader reads the scale profile
     * @param registry the component registry
     * @param purpose what the plan is for
     * @throws ConfigException listing every problem of the table and of all its runs
     */
    public static TablePlan build(
            Descriptor table, List<String> overrides, DescriptorLoader loader, ComponentRegistry registry,
            Purpose purpose) {
        return build(table, overrides, loader, registry, purpose, run -> true);
    }

    private static TablePlan build(
            Descriptor table, List<String> overrides, DescriptorLoader loader, ComponentRegistry registry,
            Purpose purpose, Predicate<CellRun> runsToRun) {
        ConfigProblems problems = new ConfigProblems(table.location());
        Set<ConfigProblem> found = new LinkedHashSet<>();

        String name = table.root().get("name") instanceof String text && !text.isBlank()
                ? text : table.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String output = table.root().get("output") instanceof String text && !text.isBlank() ? text : "runs";
        List<Long> seeds = Seeds.parse(table, problems);
        int before = problems.list().size();
        Sweep sweep = Sweep.parse(table, problems);
        boolean sweepValid = problems.list().size() == before;
        ScaleProfile scale = ScaleProfile.resolve(table, loader, problems, found);
        // Reference values of cells that an overridden or broken sweep lacks are dropped, not reported:
        // the override is deliberate, and a broken sweep is reported once at its own key.
        boolean sweepOverridden = overrides.stream().anyMatch(o -> o.startsWith(Sweep.KEY + ".") || o.startsWith(Sweep.KEY + "="));
        Reference reference = Reference.parse(
                table, sweep.cells().stream().map(Sweep.Cell::id).toList(), sweepOverridden || !sweepValid, problems);
        List<String> overrideKeys = overrideKeys(overrides, sweep, problems);
        found.addAll(problems.list());
        // Data roots and run folders are checked only when the table itself is valid: a rejected
        // override or a missing scale profile would otherwise add follow-on errors, such as every
        // finished folder looking stale or the paper's data roots missing.
        boolean tableValid = found.isEmpty();

        Path folder = Path.of(output).resolve(scale == null ? CellIds.sanitize(name) : CellIds.sanitize(name) + "-" + scale.name());
        Path workingDirectory = Path.of("").toAbsolutePath();
        List<CellRun> runs = new ArrayList<>();
        for (Sweep.Cell cell : sweep.cells()) {
            for (long seed : seeds) {
                Path runFolder = folder.resolve(cell.id()).resolve(CellRun.seedFolder(seed));
                Optional<CellRun> run = buildRun(
                        table, name, scale, cell, seed, runFolder, overrideKeys, registry, runs.size(), found);
                run.ifPresent(r -> {
                    if (purpose == Purpose.RUN && tableValid && runsToRun.test(r)) {
                        ConfigProblems runProblems = new ConfigProblems(r.spec().descriptor().location());
                        DataRoots.check(r.spec(), r.evaluations(), workingDirectory, registry, runProblems);
                        checkFolder(r, runProblems);
                        found.addAll(runProblems.list());
                    }
                    runs.add(r);
                });
            }
        }
        if (!found.isEmpty()) {
            throw new ConfigException(new ArrayList<>(found));
        }
        return new TablePlan(table, name, scale, seeds, sweep, reference, folder, runs);
    }

    private static Optional<CellRun> buildRun(
            Descriptor table, String name, ScaleProfile scale, Sweep.Cell cell, long seed, Path runFolder,
            List<String> overrideKeys, ComponentRegistry registry, int index, Set<ConfigProblem> found) {
        Descriptor descriptor;
        List<String> skipped = new ArrayList<>();
        try {
            DescriptorEditor editor = DescriptorEditor.of(table);
            TABLE_KEYS.forEach(editor::remove);
            if (scale != null) {
                skipped.addAll(scale.applyTo(editor));
            }
            for (Sweep.Assignment assignment : cell.assignments()) {
                editor.set(assignment.key(), assignment.value(), table.location(), assignment.originKeyPath());
            }
            for (String key : overrideKeys) {
                editor.set(key, table.get(key), table.location(), key);
            }
            editor.set("name", name + "/" + cell.id() + "/" + CellRun.seedFolder(seed), table.location(), "name");
            editor.set("seed", seed, table.location(), table.root().containsKey("seeds") ? "seeds" : "seed");
            descriptor = editor.build();
        } catch (ConfigException e) {
            found.addAll(e.problems());
            return Optional.empty();
        }
        ExperimentSpec spec;
        List<EvaluationEntry> evaluations;
        try {
            // Parsing reports every problem of the run, its evaluations included; each problem
            // keeps its own file and line, so a bad sweep value points at the sweep.
            // The table keys are removed from runs; naming them lets a typo such as 'sweeep' get
            // 'sweep' as its suggestion.
            spec = ExperimentSpec.parse(descriptor, registry, TABLE_KEYS);
            evaluations = EvaluationEntry.of(spec, registry);
        } catch (ConfigException e) {
            found.addAll(e.problems());
            return Optional.empty();
        }
        return Optional.of(new CellRun(index, cell, seed, runFolder, spec, evaluations, skipped));
    }

    /**
     * Returns the override keys that must be applied again over each run, and reports overrides of
     * swept keys, which would make all cells alike.
     */
    private static List<String> overrideKeys(List<String> overrides, Sweep sweep, ConfigProblems problems) {
        List<String> keys = new ArrayList<>();
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = override.substring(0, equals).trim();
            String section = key.split("\\.", 2)[0];
            if (TABLE_KEYS.contains(section) || RUN_KEYS.contains(key)) {
                continue;
            }
            boolean rejected = false;
            for (String swept : sweep.keys()) {
                if (key.equals(swept) || key.startsWith(swept + ".") || swept.startsWith(key + ".")) {
                    problems.add(key, "is swept by this table ('" + swept + "'), so an override would make"
                            + " every cell alike; pick cells with --cell, or give the axis other values with"
                            + " sweep.grid." + swept + "=... (sweep.zip." + swept + " for a zipped axis), written"
                            + " like the axis in the descriptor: a list, or a mapping from labels to values");
                    rejected = true;
                }
            }
            if (!rejected) {
                // A rejected override is not applied to the runs, which would only add follow-on errors.
                keys.add(key);
            }
        }
        return keys;
    }

    /** Reports a run folder that was written for a different descriptor. */
    private static void checkFolder(CellRun run, ConfigProblems problems) {
        try {
            Optional<String> recorded = CellFolder.recordedPretrainingHash(run.folder());
            String current = CellFolder.pretrainingHash(run);
            if (recorded.isPresent() && !recorded.get().equals(current)) {
                problems.add("", "run folder " + run.folder() + " was pretrained with a different descriptor"
                        + " (pretraining sha256 " + recorded.get().substring(0, 12) + ", now "
                        + current.substring(0, 12) + "); compare its descriptor.yaml with 'siammae check',"
                        + " then set another output or name, or move the folder away");
            }
        } catch (IOException e) {
            problems.add("", "cannot read " + run.folder().resolve(CellFolder.CELL_FILE) + ": " + e.getMessage());
        }
    }

    /** Returns the resolved table descriptor. */
    public Descriptor table() {
        return table;
    }

    /** Returns the table name. */
    public String name() {
        return name;
    }

    /** Returns the scale profile, if the table names one. */
    public Optional<ScaleProfile> scale() {
        return Optional.ofNullable(scale);
    }

    /** Returns the seeds of every cell. */
    public List<Long> seeds() {
        return seeds;
    }

    /** Returns the sweep. */
    public Sweep sweep() {
        return sweep;
    }

    /** Returns the published values. */
    public Reference reference() {
        return reference;
    }

    /** Returns the table folder, {@code <output>/<name>[-<scale>]}. */
    public Path folder() {
        return folder;
    }

    /** Returns every run, cells in sweep order and seeds within each cell. */
    public List<CellRun> runs() {
        return runs;
    }

    /** Returns whether a descriptor has keys that only tables have. */
    public static boolean isTable(Descriptor descriptor) {
        return descriptor.root().keySet().stream().anyMatch(TABLE_KEYS::contains);
    }
}
