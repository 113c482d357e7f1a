package org.siammae.experiments.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.config.ConfigException;

class DescriptorLoaderTest {

    @TempDir Path folder;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(folder.resolve(name), yaml);
    }

    @Test
    void overridesReplaceAndCreateKeys() throws IOException {
        Path file = write("a.yaml", "train:\n  steps: 10\nmodel:\n  encoder: siamese\n");

        Descriptor descriptor =
                new DescriptorLoader().load(file, List.of("train.steps=25", "model.encoder.depth=2"));

        assertThat(descriptor.get("train.steps")).isEqualTo(25);
        assertThat(descriptor.get("model.encoder")).isEqualTo(Map.of("name", "siamese", "depth", 2));
        assertThat(descriptor.location().fileOf("train.steps")).isEqualTo(DescriptorLocation.COMMAND_LINE);
    }

    @Test
    void sweepAxisOverrideKeepsDottedKey() throws IOException {
        Path file = write(
                "table.yaml",
                "sweep:\n  grid:\n    model.masking.target-ratio: [0.5, 0.75]\n    train.steps: [10, 20]\n"
                        + "  zip:\n    model.encoder.name: [joint, siamese]\n");

        Descriptor descriptor = new DescriptorLoader().load(
                file, List.of("sweep.grid.model.masking.target-ratio=[0.9, 0.95]", "sweep.zip.labels=[a, b]"));

        Map<?, ?> grid = (Map<?, ?>) ((Map<?, ?>) descriptor.root().get("sweep")).get("grid");
        assertThat(grid.keySet().stream().map(String::valueOf).toList()).containsExactly("model.masking.target-ratio", "train.steps");
        assertThat(grid.get("model.masking.target-ratio")).isEqualTo(List.of(0.9, 0.95));
        assertThat(grid.get("train.steps")).isEqualTo(List.of(10, 20));
        Map<?, ?> zip = (Map<?, ?>) ((Map<?, ?>) descriptor.root().get("sweep")).get("zip");
        assertThat(zip.get("labels")).isEqualTo(List.of("a", "b"));
        assertThat(descriptor.location().fileOf("sweep.grid.model.masking.target-ratio"))
                .isEqualTo(DescriptorLocation.COMMAND_LINE);
    }

    @Test
    void overrideStepsSplitOrdinaryKeys() {
        assertThat(DescriptorLoader.overrideSteps("model.encoder.depth")).containsExactly("model", "encoder", "depth");
        assertThat(DescriptorLoader.overrideSteps("sweep.grid.data.sampler"))
                .containsExactly("sweep", "grid", "data.sampler");
        assertThat(DescriptorLoader.overrideSteps("sweep.grid")).containsExactly("sweep", "grid");
    }

    @Test
    void missingBaseNamesFileAndLine() throws IOException {
        Path child = write("child.yaml", "name: c\nextends: bsae.yaml\n");

        assertThatThrownBy(() -> new DescriptorLoader().load(child, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(child + ":2: key 'extends'")
                .hasMessageContaining("base descriptor 'bsae.yaml' not found: " + folder.resolve("bsae.yaml"));
    }

    @Test
    void keysRecordTheirLine() throws IOException {
        Path file = write("a.yaml", "name: x\ntrain:\n  steps: 10\n  base-lr: 1e-4\n");

        Descriptor descriptor = new DescriptorLoader().load(file, List.of());

        assertThat(descriptor.location().lineOf("train.base-lr")).isEqualTo(4);
        assertThat(descriptor.get("train.base-lr")).isEqualTo(1e-4);
    }

    @Test
    void extendsMergesMappingsAndKeepsOrigins() throws IOException {
        write("base.yaml", "seed: 1\ntrain:\n  steps: 10\n  log-every: 5\n");
        Path child = write("child.yaml", "extends: base.yaml\ntrain:\n  steps: 20\n");

        Descriptor descriptor = new DescriptorLoader().load(child, List.of());

        assertThat(descriptor.get("train.steps")).isEqualTo(20);
        assertThat(descriptor.get("train.log-every")).isEqualTo(5);
        assertThat(descriptor.get("seed")).isEqualTo(1);
        assertThat(descriptor.location().fileOf("train.log-every")).endsWith("base.yaml");
        assertThat(descriptor.location().fileOf("train.steps")).endsWith("child.yaml");
        assertThat(descriptor.root()).doesNotContainKey("extends");
    }

    @Test
    void cycleInExtendsIsReported() throws IOException {
        write("a.yaml", "extends: b.yaml\n");
        Path b = write("b.yaml", "extends: a.yaml\n");

        assertThatThrownBy(() -> new DescriptorLoader().load(b, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cycle in extends: b.yaml -> a.yaml -> b.yaml");
    }

    @Test
    void environmentVariablesAreSubstituted() throws IOException {
        Path file = write("a.yaml", "data:\n  root: ${DATA_ROOT}/k400\n  cache: ${CACHE:-/tmp/c}\n");

        Descriptor descriptor =
                new DescriptorLoader(name -> name.equals("DATA_ROOT") ? "/data" : null).load(file, List.of());

        assertThat(descriptor.get("data.root")).isEqualTo("/data/k400");
        assertThat(descriptor.get("data.cache")).isEqualTo("/tmp/c");
    }

    @Test
    void unsetVariableNamesKeyAndLine() throws IOException {
        Path file = write("a.yaml", "name: x\ndata:\n  root: ${DAVIS_ROOT}\n");

        assertThatThrownBy(() -> new DescriptorLoader(name -> null).load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.yaml:3")
                .hasMessageContaining("data.root")
                .hasMessageContaining("DAVIS_ROOT is not set");
    }

    @Test
    void typeTagsAreRejected() throws IOException {
        Path file = write("a.yaml", "name: !!java.io.File /tmp\n");

        assertThatThrownBy(() -> new DescriptorLoader().load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.yaml:1")
                .hasMessageContaining("type tags such as !!java.io.File are not allowed; remove the tag");
    }

    @Test
    void duplicateKeyIsRejected() throws IOException {
        Path file = write("a.yaml", "seed: 1\nseed: 2\n");

        assertThatThrownBy(() -> new DescriptorLoader().load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.yaml:2")
                .hasMessageContaining("duplicate key seed");
    }
}
