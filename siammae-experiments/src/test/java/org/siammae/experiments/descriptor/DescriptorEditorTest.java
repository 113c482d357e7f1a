package org.siammae.experiments.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.config.ConfigException;

class DescriptorEditorTest {

    @TempDir Path folder;

    private Descriptor load(String name, String text) throws Exception {
        return new DescriptorLoader().load(Files.writeString(folder.resolve(name), text), List.of());
    }

    @Test
    void setRecordsTheOriginOfEveryKeyInside() throws Exception {
        Descriptor base = load("base.yaml", "model:\n  masking: {name: asymmetric, target-ratio: 0.95}\n");
        Descriptor layer = load("layer.yaml", "values:\n  - x\n  - {name: symmetric,\n     ratio: 0.5}\n");

        Descriptor edited = DescriptorEditor.of(base)
                .set("model.masking", layer.root().get("values") instanceof List<?> l ? l.get(1) : null,
                        layer.location(), "values[1]")
                .build();

        assertThat(edited.get("model.masking")).isEqualTo(Map.of("name", "symmetric", "ratio", 0.5));
        assertThat(edited.location().fileOf("model.masking.ratio")).endsWith("layer.yaml");
        assertThat(edited.location().lineOf("model.masking.ratio")).isEqualTo(4);
        assertThat(base.get("model.masking")).isEqualTo(Map.of("name", "asymmetric", "target-ratio", 0.95));
    }

    @Test
    void setBelowBareComponentNameExpandsIt() throws Exception {
        Descriptor base = load("base.yaml", "model:\n  encoder: siamese\n");

        Descriptor edited = DescriptorEditor.of(base).set("model.encoder.depth", 2, base.location(), "model").build();

        assertThat(edited.get("model.encoder")).isEqualTo(Map.of("name", "siamese", "depth", 2));
    }

    @Test
    void setNameRelocatesComponent() throws Exception {
        Descriptor base = load("base.yaml", "model:\n  encoder: {name: siamese,\n    depth: 2}\nsweep: [joint]\n");

        Descriptor edited = DescriptorEditor.of(base)
                .set("model.encoder.name", "joint", base.location(), "sweep[0]").build();

        assertThat(edited.location().lineOf("model.encoder")).isEqualTo(4);
        assertThat(edited.location().lineOf("model.encoder.depth")).isEqualTo(3);
    }

    @Test
    void setThroughScalarIsRejectedAtTheOrigin() throws Exception {
        Descriptor base = load("base.yaml", "train:\n  steps: 5\nsweep: [1]\n");

        assertThatThrownBy(() -> DescriptorEditor.of(base).set("train.steps.count", 1, base.location(), "sweep[0]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("base.yaml:3")
                .hasMessageContaining("train.steps.count");
    }

    @Test
    void mergeKeepsOtherKeysAndReplacesOtherComponents() throws Exception {
        Descriptor base = load("base.yaml", """
                data:
                  source: {name: kinetics, root: /k, split: train}
                  sampler: {name: random-gap, min-gap: 4}
                  augmentations: [a, b]
                """);
        Descriptor layer = load("tiny.yaml", """
                data:
                  source: {name: video-folder, root: /v}
                  sampler: {max-gap: 8}
                  augmentations: [c]
                """);

        Descriptor edited = DescriptorEditor.of(base).merge("data", layer.root().get("data"), layer.location(), "data").build();

        assertThat(edited.get("data.source")).isEqualTo(Map.of("name", "video-folder", "root", "/v"));
        assertThat(edited.get("data.sampler")).isEqualTo(Map.of("name", "random-gap", "min-gap", 4, "max-gap", 8));
        assertThat(edited.get("data.augmentations")).isEqualTo(List.of("c"));
        assertThat(edited.location().fileOf("data.sampler.max-gap")).endsWith("tiny.yaml");
        assertThat(edited.location().fileOf("data.sampler.min-gap")).endsWith("base.yaml");
    }

    @Test
    void retainItemsMovesOriginsOfLaterItems() throws Exception {
        Descriptor base = load("base.yaml", "evaluate:\n  - {task: vip}\n  - {task: davis}\n  - {task: jhmdb}\n");

        Descriptor edited = DescriptorEditor.of(base).retainItems("evaluate", i -> i != 0).build();

        assertThat(edited.root().get("evaluate")).isEqualTo(List.of(Map.of("task", "davis"), Map.of("task", "jhmdb")));
        assertThat(edited.location().lineOf("evaluate[0].task")).isEqualTo(3);
        assertThat(edited.location().lineOf("evaluate[1]")).isEqualTo(4);
    }
}
