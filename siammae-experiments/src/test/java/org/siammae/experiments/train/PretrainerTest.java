package org.siammae.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.TinyExperiment;
import org.siammae.experiments.descriptor.DescriptorLoader;
import org.siammae.experiments.model.ModelCheckpoint;
import org.siammae.experiments.run.RunFolder;

class PretrainerTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.discover();

    /** The shared tiny experiment, trained for 4 steps by 2 data workers. */
    private static final List<String> TINY_SETTINGS = List.of("data.workers=2", "train.steps=4");

    @TempDir Path folder;

    private Pretrainer.Result train(String... overrides) throws Exception {
        Path file = folder.resolve("tiny.yaml");
        Files.writeString(file, TinyExperiment.yaml());
        List<String> all = new ArrayList<>(TINY_SETTINGS);
        all.addAll(List.of(overrides));
        all.add("output=" + folder.resolve("runs"));
        ExperimentSpec spec =
                ExperimentSpec.parse(new DescriptorLoader().load(file, all), REGISTRY, Set.of());
        return new Pretrainer(spec, REGISTRY).run(RunFolder.create(folder.resolve("runs"), spec.name()));
    }

    private static double[] losses(Pretrainer.Result result) throws IOException {
        return Files.readAllLines(result.runFolder().resolve("metrics.csv")).stream()
                .skip(1)
                .mapToDouble(line -> Double.parseDouble(line.split(",")[2]))
                .toArray();
    }

    @Test
    void sameSeedRepeatsLossSequence() throws Exception {
        double[] first = losses(train("seed=7"));
        double[] second = losses(train("seed=7"));
        double[] other = losses(train("seed=8"));

        assertThat(first).hasSize(4);
        assertThat(second).containsExactly(first, within(1e-6));
        assertThat(other[0]).isNotCloseTo(first[0], within(1e-6));
    }

    @Test
    void runWritesItsFilesIntoAFreshFolder() throws Exception {
        Pretrainer.Result first = train();
        Pretrainer.Result second = train();

        assertThat(first.runFolder().path()).isNotEqualTo(second.runFolder().path());
        for (String name : List.of("descriptor.yaml", "provenance.json", "metrics.csv", "summary.json", "sessions.csv")) {
            assertThat(first.runFolder().resolve(name)).as(name).isRegularFile();
        }
        assertThat(first.checkpoint().resolve(ModelCheckpoint.MODEL_FILE)).isRegularFile();
        assertThat(Files.readString(first.runFolder().resolve("provenance.json")))
                .contains("git_commit", "djl_version", "descriptor_sha256", "index-fingerprint");
    }

    @Test
    void resumedRunContinuesTheSameSequence() throws Exception {
        Pretrainer.Result straight =
                train("seed=3", "train.checkpoint-every=2", "train.keep-checkpoints=true");
        double[] expected = losses(straight);

        // Interrupt the run after step 4 but before its checkpoint: the newest checkpoint is step 2,
        // while the loss log already has steps 3 and 4.
        RunFolder run = straight.runFolder();
        Path last = run.resolve("checkpoints").resolve("step-0000004");
        try (var files = Files.list(last)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(last);

        ExperimentSpec again =
                ExperimentSpec.parse(
                        new DescriptorLoader().load(run.resolve("descriptor.yaml"), List.of()), REGISTRY, Set.of());
        Pretrainer.Result resumed = new Pretrainer(again, REGISTRY).run(run);

        assertThat(losses(resumed)).containsExactly(expected, within(1e-6));
        try (var files = Files.list(run.path())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("provenance-resume-") && name.endsWith(".json"))
                    .anyMatch(name -> name.startsWith("metrics-before-resume-"));
        }
        // The loss log contains each step once although the interrupted run logged past step 2.
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(5);

        // Both sessions are listed, and the summary's wall time is their sum.
        List<String> sessions = Files.readAllLines(run.resolve("sessions.csv"));
        assertThat(sessions).hasSize(3);
        assertThat(sessions.get(1)).contains(",0,4,").endsWith(",finished");
        assertThat(sessions.get(2)).contains(",2,4,").endsWith(",finished");
        double sessionSum = sessions.stream().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[3])).sum();
        Object wall = new ObjectMapper()
                .readValue(run.resolve("summary.json").toFile(), Map.class).get("wall_seconds");
        assertThat(((Number) wall).doubleValue()).isCloseTo(sessionSum, within(0.01));
    }

    @Test
    void finishedRunIsLeftAsItWas() throws Exception {
        Pretrainer.Result first = train("seed=4");
        RunFolder run = first.runFolder();
        String summary = Files.readString(run.resolve("summary.json"));
        List<String> before;
        try (var files = Files.list(run.path())) {
            before = files.map(p -> p.getFileName().toString()).sorted().toList();
        }

        ExperimentSpec again =
                ExperimentSpec.parse(
                        new DescriptorLoader().load(run.resolve("descriptor.yaml"), List.of()), REGISTRY, Set.of());
        Pretrainer.Result resumed = new Pretrainer(again, REGISTRY).run(run);

        assertThat(resumed.steps()).isEqualTo(4);
        assertThat(resumed.finalLoss()).isEqualTo(first.finalLoss());
        assertThat(Files.readString(run.resolve("summary.json"))).isEqualTo(summary);
        try (var files = Files.list(run.path())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(before);
        }
    }
}
