package org.siammae.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblem;
import org.siammae.api.config.ConfigProblems;

class DataSettingsTest {

    private static List<ConfigProblem> problemsOf(Map<String, Object> section) {
        ConfigProblems problems = new ConfigProblems(ConfigLocation.of("run.yaml"));
        DataSettings.parse(section, "data", ConfigLocation.of("run.yaml"), TestData.REGISTRY, problems);
        return problems.list();
    }

    @Test
    void defaultsFillOptionalKeys() {
        DataSettings settings =
                TestData.settings(Map.of("source", "synthetic", "batch-size", 8));

        assertThat(settings.sampler().name()).isEqualTo("random-gap");
        assertThat(settings.augmentations())
                .extracting(spec -> spec.name())
                .containsExactly("random-resized-crop", "horizontal-flip", "normalize");
        assertThat(settings.repeatedSampling()).isEqualTo(2);
        assertThat(settings.workers()).isEqualTo(2);
        assertThat(settings.framesPerSample(TestData.context(0, Path.of(".")))).isEqualTo(2);
    }

    @Test
    void unknownKeySuggestsClosest() {
        List<ConfigProblem> problems =
                problemsOf(Map.of("source", "synthetic", "batch-size", 8, "worker", 3));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).key()).isEqualTo("data.worker");
        assertThat(problems.get(0).message()).contains("did you mean 'workers'?");
    }

    @Test
    void wrongTypeIsReported() {
        List<ConfigProblem> problems = problemsOf(Map.of("source", "synthetic", "batch-size", "8"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).key()).isEqualTo("data.batch-size");
        assertThat(problems.get(0).message()).contains("must be an integer, got string");
    }

    @Test
    void unknownComponentListsRegisteredNames() {
        List<ConfigProblem> problems =
                problemsOf(
                        Map.of(
                                "source", "synthetic",
                                "batch-size", 8,
                                "sampler", "random-gapp",
                                "augmentations", List.of("normalize", "rotate")));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).key()).isEqualTo("data.sampler");
        assertThat(problems.get(0).message())
                .contains("did you mean 'random-gap'?")
                .contains("fixed-gap, multi-frame, random-gap");
        assertThat(problems.get(1).key()).isEqualTo("data.augmentations[1]");
        assertThat(problems.get(1).message()).contains("horizontal-flip");
    }

    @Test
    void componentOptionsAreChecked() {
        List<ConfigProblem> problems =
                problemsOf(
                        Map.of(
                                "source", Map.of("name", "synthetic", "clip", 3),
                                "batch-size", 8,
                                "sampler", Map.of("name", "random-gap", "min-gap", 10, "max-gap", 5)));

        assertThat(problems).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("data.source.clip", "data.sampler.max-gap");
    }

    @Test
    void batchSizeMustBeMultipleOfRepeats() {
        List<ConfigProblem> problems =
                problemsOf(Map.of("source", "synthetic", "batch-size", 7, "repeated-sampling", 2));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).contains("multiple of repeated-sampling");
    }

    @Test
    void missingSourceAndBatchSizeAreReported() {
        List<ConfigProblem> problems = problemsOf(Map.of("workers", 1));

        assertThat(problems).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("data.source", "data.batch-size");
    }
}
