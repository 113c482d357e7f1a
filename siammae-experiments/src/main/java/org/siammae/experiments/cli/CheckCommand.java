package org.siammae.experiments.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.descriptor.Descriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code siammae check}: validates a descriptor and prints it resolved, computing nothing. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check a descriptor (every problem at once, with file, line and key) and print it resolved.")
final class CheckCommand implements Callable<Integer> {

    @Mixin DescriptorArguments arguments;

    @Override
    public Integer call() throws Exception {
        Descriptor descriptor = arguments.load();
        ExperimentSpec.parse(descriptor, ComponentRegistry.discover(), Set.of());
        System.out.print(descriptor.toYaml());
        System.out.println("# OK: " + descriptor.file() + " (sha256 " + descriptor.sha256().substring(0, 12) + ")");
        return 0;
    }
}
