package org.siammae.experiments.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.descriptor.Descriptor;
import org.siammae.experiments.descriptor.DescriptorLoader;
import org.siammae.experiments.sweep.DataRoots;
import org.siammae.experiments.sweep.SweepValues;
import org.siammae.experiments.sweep.TablePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code siammae check}: validates a descriptor and prints it resolved, computing nothing. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check a descriptor (every problem at once, with file, line and key) and print it"
                + " resolved; for a table, check every run, print the first run's descriptor and list the"
                + " cells.")
final class CheckCommand implements Callable<Integer> {

    @Mixin DescriptorArguments arguments;

    @Override
    public Integer call() throws Exception {
        Descriptor descriptor = arguments.load();
        if (TablePlan.isTable(descriptor)) {
            TablePlan plan = TablePlan.build(descriptor, arguments.overrides, new DescriptorLoader(),
                    ComponentRegistry.discover(), TablePlan.Purpose.RUN);
            // The first run's descriptor shows the table as it runs: base files, the scale
            // profile and the overrides applied. The other runs differ in the swept keys listed below.
            if (!plan.runs().isEmpty()) {
                System.out.printf("# The descriptor of run %s, as it will run:%n", plan.runs().get(0).label());
                System.out.print(plan.runs().get(0).spec().descriptor().toYaml());
            }
            System.out.printf("# %s x %s = %s in %s%n", RunCommand.count(plan.sweep().cells().size(), "cell"),
                    RunCommand.count(plan.seeds().size(), "seed"), RunCommand.count(plan.runs().size(), "run"),
                    plan.folder());
            plan.sweep().cells().forEach(cell -> System.out.println("#   " + cell.id() + ": " + SweepValues.describe(cell)));
            System.out.println("# OK: " + descriptor.file() + " (sha256 " + descriptor.sha256().substring(0, 12) + ")");
            return 0;
        }
        ComponentRegistry registry = ComponentRegistry.discover();
        DataRoots.requireExisting(ExperimentSpec.parse(descriptor, registry, Set.of()), registry);
        System.out.print(descriptor.toYaml());
        System.out.println("# OK: " + descriptor.file() + " (sha256 " + descriptor.sha256().substring(0, 12) + ")");
        return 0;
    }
}
