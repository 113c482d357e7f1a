package org.siammae.experiments.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.random.RunRandom;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.LabelPngs;
import org.siammae.eval.io.Palette;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.cli.SiamMaeCli;
import org.siammae.experiments.descriptor.DescriptorLoader;

/** Checks the evaluate section of descriptors and the eval command on a constructed sequence. */
class EvaluationStepTest {

    @TempDir Path folder;

    @Test
    void descriptorCheckReportsEvaluateProblemsWithLines() throws IOException {
        Path file =
                Files.writeString(
                        folder.resolve("run.yaml"),
                        "name: x\nevaluate:\n  - {task: davis, data: d, topk: 3}\n  - {task: pose, data: d}\n");

        assertThatThrownBy(
                        () ->
                                ExperimentSpec.parse(
                                        new DescriptorLoader().load(file, List.of()),
                                        ComponentRegistry.discover(),
                                        Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("run.yaml:3: key 'evaluate[0].topk'")
                .hasMessageContaining("did you mean 'top-k'")
                .hasMessageContaining("run.yaml:4: key 'evaluate[1]")
                .hasMessageContaining("unknown evaluation 'pose'")
                .hasMessageContaining("davis, jhmdb, vip");
    }

    @Test
    void baselineFeaturesAreCheckedByName() throws IOException {
        Path file =
                Files.writeString(
                        folder.resolve("run.yaml"),
                        "name: x\nevaluate:\n  - {task: davis, data: d, features: random-init}\n"
                                + "  - {task: davis, data: d, features: pixels}\n");

        assertThatThrownBy(
                        () ->
                                ExperimentSpec.parse(
                                        new DescriptorLoader().load(file, List.of()),
                                        ComponentRegistry.discover(),
                                        Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("run.yaml:4: key 'evaluate[1].features'")
                .hasMessageContaining("must be one of checkpoint, random-init, raw-pixels, got 'pixels'")
                .satisfies(
                        e ->
                                assertThat(((ConfigException) e).problems())
                                        .filteredOn(p -> p.key().startsWith("evaluate"))
                                        .hasSize(1));
    }

    @Test
    void flatAndNestedOverridesReachThePreset() {
        ComponentContext context =
                ComponentContext.of(ComponentRegistry.discover(), new RunRandom(0), Path.of("."));
        ConfigProblems problems = new ConfigProblems(ConfigLocation.of("run.yaml"));
        List<Object> entries =
                List.of(
                        Map.of("task", "davis", "data", "d", "preset", "dino", "top-k", 10),
                        Map.of("task", "jhmdb", "data", "d", "propagation", Map.of("radius", 5)));

        List<ComponentSpec> specs = EvaluationStep.check(entries, problems, context);

        assertThat(problems.list()).isEmpty();
        LabelPropagationTask davis =
                (LabelPropagationTask) context.registry().create(EvaluationTask.KIND, specs.get(0), context);
        LabelPropagationTask jhmdb =
                (LabelPropagationTask) context.registry().create(EvaluationTask.KIND, specs.get(1), context);
        assertThat(davis.request().propagation().topK()).isEqualTo(10);
        assertThat(davis.request().propagation().contextFrames()).isEqualTo(7);
        assertThat(jhmdb.request().propagation().radius()).isEqualTo(5.0);
        assertThat(jhmdb.request().propagation().topK()).isEqualTo(7);
    }

    @Test
    void evalCommandRunsRawPixelBaseline() throws IOException {
        Path data = writeSequence(folder.resolve("davis"));
        Path output = folder.resolve("out");

        int status =
                SiamMaeCli.execute(
                        "eval",
                        "davis",
                        "--data",
                        data.toString(),
                        "--features",
                        "raw-pixels",
                        "--patch-size",
                        "8",
                        "--output",
                        output.toString(),
                        "height=32",
                        "width=48",
                        "overlays=false");

        assertThat(status).isZero();
        assertThat(output.resolve("global_results.csv")).exists();
        assertThat(output.resolve("predictions/seq/00002.png")).exists();
        assertThat(Files.readString(output.resolve("summary.json"))).contains("raw pixels (patch 8)");
    }

    @Test
    void evalCommandRejectsUnknownSetting() throws IOException {
        Path data = writeSequence(folder.resolve("davis"));

        int status =
                SiamMaeCli.execute(
                        "eval", "davis", "--data", data.toString(), "--features", "raw-pixels", "radius=-1");

        assertThat(status).isEqualTo(SiamMaeCli.INVALID_INPUT);
    }

    @Test
    void evalCommandScoresResultsFolder() throws IOException {
        Path data = writeSequence(folder.resolve("davis"));
        Path output = folder.resolve("scores");

        // The annotations themselves, scored as results, give J&F 1.
        int status =
                SiamMaeCli.execute(
                        "eval", "davis", "--data", data.toString(),
                        "--results", data.resolve("Annotations/480p").toString(),
                        "--output", output.toString());

        assertThat(status).isZero();
        assertThat(Files.readString(output.resolve("global_results.csv")))
                .contains("1.000000,1.000000,1.000000");
    }

    @Test
    void evalCommandRejectsUnknownPredictionId() throws IOException {
        Path data = writeSequence(folder.resolve("davis"));
        Path results = Files.createDirectories(folder.resolve("results/seq"));
        for (int t = 0; t < 4; t++) {
            LabelPngs.writeIndexed(
                    results.resolve(String.format("%05d.png", t)), LabelMap.of(48, 32, new int[48 * 32]).replace(0, 4), Palette.davis());
        }

        int status =
                SiamMaeCli.execute(
                        "eval", "davis", "--data", data.toString(), "--results", folder.resolve("results").toString(),
                        "--output", folder.resolve("scores").toString());

        assertThat(status).isEqualTo(1);
        assertThat(folder.resolve("scores")).doesNotExist();
    }

    private static Path writeSequence(Path root) throws IOException {
        Path images = Files.createDirectories(root.resolve("JPEGImages/480p/seq"));
        Path annotations = Files.createDirectories(root.resolve("Annotations/480p/seq"));
        Random random = new Random(2);
        int[] labels = new int[48 * 32];
        for (int y = 8; y < 24; y++) {
            for (int x = 8; x < 24; x++) {
                labels[y * 48 + x] = 1;
            }
        }
        for (int t = 0; t < 4; t++) {
            BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 48; x++) {
                    image.setRGB(x, y, random.nextInt(0xFFFFFF));
                }
            }
            ImageIO.write(image, "jpg", images.resolve(String.format("%05d.jpg", t)).toFile());
            LabelPngs.writeIndexed(
                    annotations.resolve(String.format("%05d.png", t)), LabelMap.of(48, 32, labels), Palette.davis());
        }
        return root;
    }
}
