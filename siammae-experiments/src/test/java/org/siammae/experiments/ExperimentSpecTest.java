package org.siammae.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigException;
import org.siammae.experiments.descriptor.DescriptorLoader;

class ExperimentSpecTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.discover();

    @TempDir Path folder;

    private ExperimentSpec parse(String yaml, String... overrides) throws IOException {
        Path file = Files.writeString(folder.resolve("bad.yaml"), yaml);
        return ExperimentSpec.parse(new DescriptorLoader().load(file, List.of(overrides)), REGISTRY, Set.of());
    }

    @Test
    void unknownComponentListsRegisteredNames() {
        String yaml = "model:\n  image-size: 32\n  encoder: {name: siamse}\ntrain:\n  steps: 1\n";

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml:3")
                .hasMessageContaining("model.encoder")
                .hasMessageContaining("unknown encoder 'siamse'")
                .hasMessageContaining("did you mean 'siamese'")
                .hasMessageContaining("joint, siamese");
    }

    @Test
    void wrongTypeNamesKeyAndValue() {
        String yaml = "model:\n  image-size: 32\n  encoder: {name: siamese, depth: four}\ntrain:\n  steps: 1\n";

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml:3")
                .hasMessageContaining("model.encoder.depth")
                .hasMessageContaining("must be an integer, got string 'four'");
    }

    @Test
    void missingTrainingLengthIsReported() {
        String yaml = "model:\n  image-size: 32\ntrain:\n  base-lr: 1.0e-4\n";

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("train.steps")
                .hasMessageContaining("set exactly one of steps and epochs");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml =
                "modle: {}\nmodel:\n  image-size: 30\n  patch-size: 8\n  masking: {name: asymmetric, target-ratio: 1.5}\n"
                        + "train:\n  steps: 1\n";

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(
                        e -> {
                            List<String> keys =
                                    ((ConfigException) e).problems().stream().map(p -> p.key()).toList();
                            assertThat(keys)
                                    .contains("modle", "model.image-size", "model.masking.target-ratio");
                        })
                .hasMessageContaining("did you mean 'model'");
    }

    @Test
    void unknownNestedPatternIsReportedBeforeBuilding() {
        String yaml =
                "model:\n  image-size: 32\n  masking: {name: symmetric, pattern: grd}\ntrain:\n  steps: 1\n";

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.masking.pattern")
                .hasMessageContaining("unknown mask-pattern 'grd'")
                .hasMessageContaining("grid, random");
    }

    @Test
    void overrideOnCommandLineIsLocatedThere() {
        String yaml = "model:\n  image-size: 32\ntrain:\n  steps: 1\n";

        assertThatThrownBy(() -> parse(yaml, "train.steps=many"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("<command line>: key 'train.steps'");
    }
}
