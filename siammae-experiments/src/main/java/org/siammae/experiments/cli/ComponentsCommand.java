package org.siammae.experiments.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.OptionsBinder;
import org.siammae.data.DataSettings;
import org.siammae.experiments.model.ModelSettings;
import org.siammae.experiments.train.TrainSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code siammae components}: lists every registered component with its documented options. */
@Command(
        name = "components",
        mixinStandardHelpOptions = true,
        description =
                "List the options of the model, data and train sections and of every registered component,"
                        + " with type, default and meaning.")
final class ComponentsCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..1",
            paramLabel = "KIND",
            description = "only this section (model, data, train) or component kind (encoder, decoder, ...)")
    String only;

    /** The descriptor sections whose keys are plain options rather than components. */
    private static final Map<String, Supplier<Object>> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put(ModelSettings.KEY, ModelSettings::new);
        SECTIONS.put("data", DataSettings.Options::new);
        SECTIONS.put(TrainSettings.KEY, TrainSettings::new);
    }

    @Override
    public Integer call() {
        ComponentRegistry registry = ComponentRegistry.discover();
        if (only == null || SECTIONS.containsKey(only)) {
            printSections(only);
            if (only != null) {
                return 0;
            }
        }
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
                printOptions(entry.getValue().newOptions());
            }
            System.out.println();
        }
        if (!found && !SECTIONS.containsKey(only)) {
            System.err.println("error: no component kind or section '" + only + "'; sections: "
                    + SECTIONS.keySet() + ", kinds: " + registry.kinds().stream().map(ComponentKind::name).toList());
            return SiamMaeCli.INVALID_INPUT;
        }
        return 0;
    }

    private static void printSections(String only) {
        for (Map.Entry<String, Supplier<Object>> section : SECTIONS.entrySet()) {
            if (only != null && !only.equals(section.getKey())) {
                continue;
            }
            System.out.println("## section " + section.getKey());
            if (section.getKey().equals("data")) {
                System.out.printf(
                        "    %-22s %-18s %s%n", "source", "component", "where clips come from (kind clip-source)");
                System.out.printf(
                        "    %-22s %-18s %s%n", "sampler", "component", "frames of a sample (kind frame-sampler)");
                System.out.printf(
                        "    %-22s %-18s %s%n", "augmentations", "list of component", "steps in order (kind augmentation)");
            }
            printOptions(section.getValue().get());
            System.out.println();
        }
    }

    private static void printOptions(Object options) {
        List<OptionsBinder.FieldInfo> fields = OptionsBinder.describe(options);
        // Columns as wide as their longest entry in this block, so long keys, types and defaults stay aligned.
        int keyWidth = Math.max(22, fields.stream().mapToInt(f -> f.key().length()).max().orElse(0));
        int typeWidth = Math.max(18, fields.stream().mapToInt(f -> f.type().length()).max().orElse(0));
        int defaultWidth = Math.max(10, fields.stream().mapToInt(f -> defaultText(f).length()).max().orElse(0));
        String format = "    %-" + keyWidth + "s %-" + typeWidth + "s default %-" + defaultWidth + "s  %s%n";
        for (OptionsBinder.FieldInfo field : fields) {
            System.out.printf(format, field.key(), field.type(), defaultText(field), field.description());
        }
    }

    private static String defaultText(OptionsBinder.FieldInfo field) {
        return field.required() ? "(required)" : String.valueOf(field.defaultValue());
    }
}
