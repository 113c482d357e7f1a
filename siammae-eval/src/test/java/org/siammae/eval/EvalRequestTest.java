package org.siammae.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.random.RunRandom;
import org.siammae.eval.davis.DavisOptions;
import org.siammae.eval.propagation.Neighbourhood;

/** Checks how an evaluate entry splits into task options and propagation overrides. */
class EvalRequestTest {

    private final ComponentContext context =
            ComponentContext.of(ComponentRegistry.of(new EvalPlugin()), new RunRandom(0), Path.of("."));

    @Test
    void presetWithOverride() {
        EvalRequest request =
                EvalRequest.bind(
                        Map.of("task", "davis", "data", "x", "preset", "dino", "top-k", 10, "sequences", List.of("bear")),
                        "evaluate.0",
                        ConfigLocation.of("run.yaml"),
                        context);

        assertThat(request.task()).isEqualTo(EvalTask.DAVIS);
        assertThat(((DavisOptions) request.options()).sequences).containsExactly("bear");
        assertThat(request.propagation().topK()).isEqualTo(10);
        // The rest of DINO's protocol stays.
        assertThat(request.propagation().neighbourhood()).isEqualTo(Neighbourhood.SQUARE);
        assertThat(request.propagation().contextFrames()).isEqualTo(7);
    }

    @Test
    void siammaeIsTheDefaultPreset() {
        EvalRequest request =
                EvalRequest.bind(Map.of("task", "jhmdb", "data", "x"), "evaluate.0", ConfigLocation.of("run.yaml"), context);

        assertThat(request.propagation().topK()).isEqualTo(7);
        assertThat(request.propagation().temperature()).isEqualTo(0.7);
        assertThat(request.propagation().radius()).isEqualTo(20.0);
    }

    @Test
    void unknownKeyAndPresetAreReported() {
        assertThatThrownBy(
                        () ->
                                EvalRequest.bind(
                                        Map.of("task", "davis", "data", "x", "topk", 3),
                                        "evaluate.0",
                                        ConfigLocation.of("run.yaml"),
                                        context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("evaluate.0.topk")
                .hasMessageContaining("did you mean 'top-k'");
        assertThatThrownBy(
                        () ->
                                EvalRequest.bind(
                                        Map.of("task", "davis", "data", "x", "preset", "dinoo"),
                                        "evaluate.0",
                                        ConfigLocation.of("run.yaml"),
                                        context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("crw, dino, siammae");
    }

    @Test
    void missingDataAndBadValueAreReported() {
        assertThatThrownBy(
                        () ->
                                EvalRequest.bind(
                                        Map.of("task", "vip", "temperature", -1),
                                        "evaluate.1",
                                        ConfigLocation.of("run.yaml"),
                                        context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("evaluate.1.data");
        assertThatThrownBy(
                        () ->
                                EvalRequest.bind(
                                        Map.of("task", "vip", "data", "x", "temperature", -1),
                                        "evaluate.1",
                                        ConfigLocation.of("run.yaml"),
                                        context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("temperature");
        assertThatThrownBy(
                        () -> EvalRequest.bind(Map.of("data", "x"), "evaluate.2", ConfigLocation.of("run.yaml"), context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("davis");
    }
}
