package org.siammae.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
     * Parses a data section and fails on any problem.
     *
     * @param section the section's keys and values
     */
    public static DataSettings settings(Map<String, Object> section) {
        ConfigProblems problems = new ConfigProblems(ConfigLocation.of("test.yaml"));
        DataSettings settings =
                DataSettings.parse(
                        new LinkedHashMap<>(section), "data", ConfigLocation.of("test.yaml"), REGISTRY,
                        problems);
        problems.throwIfAny();
        return settings;
    }

    /** Returns the path of the shared data folder that Surefire passes, or null if unset. */
    public static Path sharedData() {
        String property = System.getProperty("siammae.sharedData");
        return property == null ? null : Path.of(property).toAbsolutePath().normalize();
    }
}
