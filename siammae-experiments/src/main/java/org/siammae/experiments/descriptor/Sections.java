package org.siammae.experiments.descriptor;

import java.util.Map;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;

/** Binds a descriptor section onto an options object and checks the components it names. */
public final class Sections {

    private Sections() {}

    /**
     * Sets {@code options} from a section and checks every nested component by name and options.
     *
     * @param section the section's values
     * @param options a fresh options object holding defaults; modified
     * @param keyPath the section's dotted key
     * @param problems a collector without key prefix
     * @param registry the component registry
     * @param <O> the options type
     * @return {@code options}
     */
    public static <O> O bind(
            Map<String, Object> section,
            O options,
            String keyPath,
            ConfigProblems problems,
            ComponentRegistry registry) {
        OptionsBinder.bind(section, options, problems.under(keyPath));
        for (OptionsBinder.NestedComponent nested : OptionsBinder.nestedComponents(options)) {
            registry.kinds().stream()
                    .filter(kind -> kind.name().equals(nested.kind()))
                    .findFirst()
                    .ifPresentOrElse(
                            kind -> registry.check(kind, nested.spec(), problems),
                            () ->
                                    problems.under(nested.spec().keyPath())
                                            .add("", "no " + nested.kind() + " component is registered"));
        }
        return options;
    }
}
