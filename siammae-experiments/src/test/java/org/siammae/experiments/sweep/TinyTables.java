package org.siammae.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigProblem;
import org.siammae.experiments.TinyExperiment;

/** Tiny table descriptors for tests: 16 x 16 frames, patch 4, one block 16 wide, 2 steps. */
final class TinyTables {

    static final ComponentRegistry REGISTRY = ComponentRegistry.discover();

    /** A base experiment that tables extend; evaluates with the test task. */
    static final String BASE = TinyExperiment.yaml() + "evaluate:\n  - {task: checkpoint-stats}\n";

    private TinyTables() {}

    /**
     * Writes {@code base.yaml} and a table file into a folder.
     *
     * @param folder the folder
     * @param table the table descriptor text
     * @return the table file
     */
    static Path write(Path folder, String table) throws IOException {
        Files.writeString(folder.resolve("base.yaml"), BASE);
        return Files.writeString(folder.resolve("table.yaml"), table);
    }

    /** Loads a table for running, with runs under {@code folder/runs}. */
    static TablePlan plan(Path table, String... overrides) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of(overrides));
        all.add("output=" + table.getParent().resolve("runs"));
        return TablePlan.load(table, all, REGISTRY, TablePlan.Purpose.RUN);
    }

    /** Returns the problems of a table that must not load. */
    static List<ConfigProblem> problems(Path table, String... overrides) throws IOException {
        try {
            plan(table, overrides);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in " + table);
    }
}
