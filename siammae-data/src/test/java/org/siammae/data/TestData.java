package org.siammae.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import com.google.inject.Module;
import org.junit.jupiter.api.Assumptions;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.random.RunRandom;

/** Builds settings and contexts for tests. */
public final class TestData {

    /** A registry with only this module's components. */
    public static final ComponentRegistry REGISTRY = ComponentRegistry.of(new DataPlugin());

    private TestData() {}

    /**
     * Returns a context of the data plugin's registry.
     *
     * @param seed the run seed
     * @param base the base folder
     */
    public static ComponentContext context(long seed, Path base) {
        return ComponentContext.of(REGISTRY, new RunRandom(seed), base);
    }

    /**
     * Returns a context whose registry has this module's components and further plugins.
     *
     * @param seed the run seed
     * @param base the base folder
     * @param plugins test plugins
     */
    public static ComponentContext context(long seed, Path base, Module... plugins) {
        return ComponentContext.of(registry(plugins), new RunRandom(seed), base);
    }

    private static ComponentRegistry registry(Module... plugins) {
        if (plugins.length == 0) {
            return REGISTRY;
        }
        List<Module> modules = new ArrayList<>(List.of(plugins));
        modules.add(new DataPlugin());
        return ComponentRegistry.of(modules.toArray(Module[]::new));
    }

    /**
     * Parses a data section and fails on any problem.
     *
     * @param section the section's keys and values
     * @param plugins test plugins whose components the section may name
     */
    public static DataSettings settings(Map<String, Object> section, Module... plugins) {
        ConfigProblems problems = new ConfigProblems(ConfigLocation.of("test.yaml"));
        DataSettings settings =
                DataSettings.parse(
                        new LinkedHashMap<>(section), "data", ConfigLocation.of("test.yaml"),
                        registry(plugins), problems);
        problems.throwIfAny();
        return settings;
    }

    /**
     * Returns the folder of shared real clips, skipping the calling test when it is missing.
     */
    public static Path sharedVideos() {
        Path shared = sharedData();
        Assumptions.assumeTrue(
                shared != null && Files.isDirectory(shared.resolve("videos")),
                "shared clips not found (system property siammae.sharedData): " + shared);
        return shared.resolve("videos");
    }

    /** Returns the path of the shared data folder that Surefire passes, or null if unset. */
    public static Path sharedData() {
        String property = System.getProperty("siammae.sharedData");
        return property == null ? null : Path.of(property).toAbsolutePath().normalize();
    }
}
