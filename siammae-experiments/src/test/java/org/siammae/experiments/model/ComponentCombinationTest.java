package org.siammae.experiments.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.SiamMae;
import org.siammae.api.nn.ParameterInit;
import org.siammae.api.nn.ParameterPaths;
import org.siammae.api.random.RunRandom;

/**
 * Walks every registered encoder x decoder x masking policy x mask pattern through one forward and
 * backward pass of a tiny model: a newly registered component is tested without writing a test.
 */
class ComponentCombinationTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.discover();
    private static final ModelGeometry GEOMETRY = new ModelGeometry(32, 24, 4, 3, 2);
    private static final int BATCH = 2;

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (String encoder : REGISTRY.providers(ComponentKind.ENCODER).keySet()) {
            for (String decoder : REGISTRY.providers(ComponentKind.DECODER).keySet()) {
                for (String policy : REGISTRY.providers(ComponentKind.MASK_POLICY).keySet()) {
                    for (String pattern : REGISTRY.providers(ComponentKind.MASK_PATTERN).keySet()) {
                        all.add(Arguments.of(encoder, decoder, policy, pattern));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} + {1} + {2}/{3}")
    @MethodSource("combinations")
    void forwardAndBackwardReachEveryParameter(
            String encoder, String decoder, String policy, String pattern) {
        ModelSettings settings = new ModelSettings();
        settings.encoder = ComponentSpec.named(encoder, Map.of("width", 16, "depth", 1, "heads", 2));
        settings.decoder = ComponentSpec.named(decoder, Map.of("width", 12, "depth", 1, "heads", 3));
        settings.masking = ComponentSpec.named(policy, Map.of("pattern", pattern));
        ComponentContext context = ComponentContext.of(REGISTRY, new RunRandom(3), Path.of("."));

        try (NDManager manager = NDManager.newBaseManager()) {
            SiamMae model = settings.build(GEOMETRY, context);
            ParameterInit.initialize(model, manager, new Random(5));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray frames = manager.randomNormal(new Shape(BATCH, 2, 3, 32, 24));
            FrameMasks masks = model.sampleMasks(BATCH, new Random(9));

            SiamMae.Output output;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                output = model.forward(store, frames, masks, true);
                collector.backward(output.loss());
            }

            assertThat(output.predicted().getShape())
                    .isEqualTo(new Shape(BATCH, GEOMETRY.numPatches(), GEOMETRY.patchDim()));
            assertThat(output.loss().getFloat()).isFinite().isPositive();
            Map<String, Parameter> parameters = ParameterPaths.of(model);
            assertThat(parameters).isNotEmpty();
            for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
                NDArray gradient = entry.getValue().getArray().getGradient();
                assertThat(gradient.abs().sum().getFloat())
                        .as("gradient of %s", entry.getKey())
                        .isGreaterThan(0f);
            }
        }
    }
}
