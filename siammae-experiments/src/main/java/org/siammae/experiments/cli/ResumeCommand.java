package org.siammae.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.descriptor.DescriptorLoader;
import org.siammae.experiments.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code siammae resume}: continues a pretraining run from its newest checkpoint. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = {
            "Continue a pretraining run in its folder from its newest checkpoint.",
            "The run's descriptor.yaml is used; overrides may extend it, e.g. train.steps=2000."
        })
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_FOLDER", description = "the run folder to continue")
    Path runFolder;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides of descriptor keys")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(runFolder);
        ComponentRegistry registry = ComponentRegistry.discover();
        ExperimentSpec spec =
                ExperimentSpec.parse(
                        new DescriptorLoader().load(folder.resolve("descriptor.yaml"), overrides), registry, Set.of());
        return PretrainCommand.train(spec, registry, folder);
    }
}
