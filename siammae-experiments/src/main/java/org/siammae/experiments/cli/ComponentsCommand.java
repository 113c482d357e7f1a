package org.siammae.experiments.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.OptionsBinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code siammae components}: lists every registered component with its documented options. */
@Command(
        name = "components",
        mixinStandardHelpOptions = true,
        description = "List registered components by kind, with every option, its type, default and meaning.")
final class ComponentsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "KIND", description = "only this kind (encoder, decoder, ...)")
    String only;

    @Override
    public Integer call() {
        ComponentRegistry registry = ComponentRegistry.discover();
        boolean found = false;
        for (ComponentKind<?> kind : registry.kinds()) {
            if (only != null && !only.equals(kind.name())) {
                continue;
            }
            found = true;
            System.out.println("## " + kind.name());
            for (Map.Entry<String, ? extends ComponentProvider<?>> entry : registry.providers(kind).entrySet()) {
                System.out.println();
                System.out.println(entry.getKey() + " - " + entry.getValue().description());
                for (OptionsBinder.FieldInfo field : OptionsBinder.describe(entry.getValue().newOptions())) {
                    System.out.printf(
                            "    %-22s %-18s default %-10s %s%n",
                            field.key(), field.type(), field.required() ? "(required)" : String.valueOf(field.defaultValue()),
                            field.description());
                }
            }
            System.out.println();
        }
        if (!found) {
            System.err.println("error: no component kind '" + only + "'; kinds: "
                    + registry.kinds().stream().map(ComponentKind::name).toList());
            return SiamMaeCli.INVALID_INPUT;
        }
        return 0;
    }
}
