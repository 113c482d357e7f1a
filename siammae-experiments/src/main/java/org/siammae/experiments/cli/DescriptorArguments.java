package org.siammae.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.siammae.experiments.descriptor.Descriptor;
import org.siammae.experiments.descriptor.DescriptorLoader;
import picocli.CommandLine.Parameters;

/** The positional arguments shared by commands that read a descriptor: the file and overrides. */
final class DescriptorArguments {

    @Parameters(index = "0", paramLabel = "DESCRIPTOR", description = "experiment descriptor (YAML)")
    Path descriptor;

    @Parameters(
            index = "1..*",
            paramLabel = "KEY=VALUE",
            description = "overrides of descriptor keys, e.g. train.steps=100 model.encoder.depth=2")
    List<String> overrides = new ArrayList<>();

    Descriptor load() throws IOException {
        return new DescriptorLoader().load(descriptor, overrides);
    }
}
