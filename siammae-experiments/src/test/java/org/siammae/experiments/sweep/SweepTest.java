package org.siammae.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.config.ConfigProblem;
import org.siammae.api.config.ConfigProblems;
import org.siammae.experiments.descriptor.Descriptor;
import org.siammae.experiments.descriptor.DescriptorLoader;

class SweepTest {

    @TempDir Path folder;

    private Descriptor load(String text) throws Exception {
        Path file = Files.writeString(folder.resolve("sweep.yaml"), text);
        return new DescriptorLoader().load(file, List.of());
    }

    private Sweep parse(String text) throws Exception {
        Descriptor descriptor = load(text);
        ConfigProblems problems = new ConfigProblems(descriptor.location());
        Sweep sweep = Sweep.parse(descriptor, problems);
        assertThat(problems.list()).isEmpty();
        return sweep;
    }

    private List<ConfigProblem> problems(String text) throws Exception {
        Descriptor descriptor = load(text);
        ConfigProblems problems = new ConfigProblems(descriptor.location());
        Sweep.parse(descriptor, problems);
        return problems.list();
    }

    @Test
    void gridIsProductWithFirstAxisOutermost() throws Exception {
        Descriptor descriptor = load("""
                sweep:
                  grid:
                    model.patch-size: [16, 8]
                    train.epochs: [400, 800.0]
                """);
        Sweep sweep = Sweep.parse(descriptor, new ConfigProblems(descriptor.location()));

        assertThat(sweep.cells()).extracting(Sweep.Cell::id).containsExactly(
                "patch-size-16_epochs-400", "patch-size-16_epochs-800",
                "patch-size-8_epochs-400", "patch-size-8_epochs-800");
        assertThat(sweep.cells().get(2).values()).containsExactly(
                Map.entry("model.patch-size", 8), Map.entry("train.epochs", 400));
        assertThat(sweep.keys()).containsExactlyInAnyOrder("model.patch-size", "train.epochs");
    }

    @Test
    void assignmentsPointAtTheirSweepLine() throws Exception {
        Descriptor descriptor = load("""
                sweep:
                  grid:
                    model.masking.target-ratio:
                      - 0.5
                      - 0.9
                """);
        Sweep sweep = Sweep.parse(descriptor, new ConfigProblems(descriptor.location()));

        Sweep.Assignment second = sweep.cells().get(1).assignments().get(0);
        assertThat(second.originKeyPath()).isEqualTo("sweep.grid.model.masking.target-ratio[1]");
        assertThat(descriptor.location().lineOf(second.originKeyPath())).isEqualTo(5);
    }

    @Test
    void labelledValuesNameTheirCells() throws Exception {
        Sweep sweep = parse("""
                sweep:
                  grid:
                    data.sampler:
                      gap-4: {name: fixed-gap, gap: 4}
                      random: {name: random-gap, min-gap: 4, max-gap: 48}
                    model.encoder.name: [joint, siamese]
                """);

        assertThat(sweep.cells()).extracting(Sweep.Cell::id).containsExactly(
                "gap-4_encoder-joint", "gap-4_encoder-siamese", "random_encoder-joint", "random_encoder-siamese");
        assertThat(sweep.cells().get(0).values().get("data.sampler")).isEqualTo(Map.of("name", "fixed-gap", "gap", 4));
    }

    @Test
    void derivedIdsDescribeComponentsAndLists() {
        assertThat(CellIds.part("data.sampler", Map.of("name", "fixed-gap", "gap", 4))).isEqualTo("sampler-fixed-gap-4");
        assertThat(CellIds.part("data.augmentations", List.of("horizontal-flip", Map.of("name", "normalize"))))
                .isEqualTo("augmentations-horizontal-flip-normalize");
        assertThat(CellIds.part("train.base-lr", 1.5e-4)).isEqualTo("base-lr-0.00015");
        assertThat(CellIds.part("train.epochs", 400.0)).isEqualTo("epochs-400");
        assertThat(CellIds.part("model.data/root", "a b")).isEqualTo("data-root-a-b");
    }

    @Test
    void zipStepsListsTogetherInsideTheGrid() throws Exception {
        Sweep sweep = parse("""
                sweep:
                  grid:
                    model.patch-size: [16, 8]
                  zip:
                    labels: [framemae, siammae]
                    model.encoder.name: [joint, siamese]
                    model.decoder.name: [joint, cross-self]
                """);

        assertThat(sweep.cells()).extracting(Sweep.Cell::id).containsExactly(
                "patch-size-16_framemae", "patch-size-16_siammae", "patch-size-8_framemae", "patch-size-8_siammae");
        assertThat(sweep.cells().get(1).values()).containsExactly(
                Map.entry("model.patch-size", 16), Map.entry("model.encoder.name", "siamese"),
                Map.entry("model.decoder.name", "cross-self"));
    }

    @Test
    void zipWithoutLabelsJoinsItsParts() throws Exception {
        Sweep sweep = parse("""
                sweep:
                  zip:
                    model.encoder.name: [joint, siamese]
                    model.decoder.name: [joint, cross]
                """);

        assertThat(sweep.cells()).extracting(Sweep.Cell::id)
                .containsExactly("encoder-joint_decoder-joint", "encoder-siamese_decoder-cross");
    }

    @Test
    void noSweepGivesOneDefaultCell() throws Exception {
        Sweep sweep = parse("model: {patch-size: 8}\n");

        assertThat(sweep.cells()).extracting(Sweep.Cell::id).containsExactly(Sweep.DEFAULT_CELL);
        assertThat(sweep.cells().get(0).assignments()).isEmpty();
    }

    @Test
    void badKeysAreReportedWithTheirLines() throws Exception {
        List<ConfigProblem> problems = problems("""
                sweep:
                  grid:
                    seed: [1, 2]
                    model: {a: 1}
                    evaluate.preset: [dino]
                    Model.Patch_Size: [8]
                    train.steps: []
                  spread: {}
                """);

        assertThat(problems).extracting(ConfigProblem::key).containsExactly(
                "sweep.spread", "sweep.grid.seed", "sweep.grid.model", "sweep.grid.evaluate.preset",
                "sweep.grid.Model.Patch_Size", "sweep.grid.train.steps");
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(8, 3, 4, 5, 6, 7);
        assertThat(problems.get(0).message()).contains("grid", "zip");
        assertThat(problems.get(1).message()).contains("seeds");
        assertThat(problems.get(3).message()).contains("[model, data, train]");
    }

    @Test
    void zipListsOfUnequalLengthAreReported() throws Exception {
        List<ConfigProblem> problems = problems("""
                sweep:
                  zip:
                    labels: [a, b, c]
                    model.encoder.name: [joint, siamese]
                    model.decoder.name: [joint, cross]
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).key()).isEqualTo("sweep.zip");
        assertThat(problems.get(0).message()).contains("equal lengths", "labels=3", "model.encoder.name=2");
    }

    @Test
    void overlappingAndRepeatedKeysAreReported() throws Exception {
        List<ConfigProblem> problems = problems("""
                sweep:
                  grid:
                    model.masking: [{name: symmetric}, {name: asymmetric}]
                    model.masking.ratio: [0.5, 0.9]
                  zip:
                    model.masking.ratio: [0.5, 0.9]
                """);

        assertThat(problems).extracting(ConfigProblem::message).anySatisfy(m -> assertThat(m).contains("lies inside"));
        assertThat(problems).extracting(ConfigProblem::message).anySatisfy(m -> assertThat(m).contains("grid too"));
    }

    @Test
    void cellsWithTheSameIdAreReported() throws Exception {
        List<ConfigProblem> problems = problems("""
                sweep:
                  grid:
                    data.augmentations: [[a b], [a-b]]
                """);

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains(
                "2 cells get the id 'augmentations-a-b'", "name the values"));
    }

    @Test
    void labelsMustBeFolderNames() throws Exception {
        List<ConfigProblem> problems = problems("""
                sweep:
                  grid:
                    model.patch-size: {"p/16": 16}
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("sweep.grid.model.patch-size.p/16");
            assertThat(p.message()).contains("folder name");
        });
    }
}
