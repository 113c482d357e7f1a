package org.siammae.api.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayersTest {

    private static final TransformerSpec SPEC =
            TransformerSpec.builder().setWidth(8).setHeads(2).optMlpRatio(2).build();

    @Test
    void crossSelfBlockGradientReachesEveryParameter() {
        CrossAttentionBlock block = new CrossAttentionBlock(SPEC, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterInit.initialize(block, manager, new Random(1));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 3, 8));
            NDArray context = manager.randomNormal(new Shape(2, 5, 8));

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(store, x, context, true);
                assertThat(out.getShape()).isEqualTo(new Shape(2, 3, 8));
                collector.backward(out.square().sum());
            }

            Map<String, Parameter> parameters = ParameterPaths.of(block);
            assertThat(parameters).containsKeys("crossAttn.q.weight", "selfAttn.qkv.bias", "mlp.fc2.weight");
            for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
                NDArray gradient = entry.getValue().getArray().getGradient();
                assertThat(gradient.abs().sum().getFloat())
                        .as("gradient of %s", entry.getKey())
                        .isGreaterThan(0f);
            }
        }
    }

    @Test
    void sameSeedGivesSameWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SelfAttentionBlock first = new SelfAttentionBlock(SPEC);
            SelfAttentionBlock second = new SelfAttentionBlock(SPEC);
            SelfAttentionBlock third = new SelfAttentionBlock(SPEC);
            ParameterInit.initialize(first, manager, new Random(7));
            ParameterInit.initialize(second, manager, new Random(7));
            ParameterInit.initialize(third, manager, new Random(8));

            float[] a = ParameterPaths.of(first).get("attn.qkv.weight").getArray().toFloatArray();
            float[] b = ParameterPaths.of(second).get("attn.qkv.weight").getArray().toFloatArray();
            float[] c = ParameterPaths.of(third).get("attn.qkv.weight").getArray().toFloatArray();

            assertThat(a).containsExactly(b);
            assertThat(a).isNotEqualTo(c);
        }
    }

    @Test
    void patchifyRoundTrips() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = manager.arange(2 * 3 * 4 * 6f).reshape(2, 3, 4, 6);

            NDArray patches = Patches.patchify(images, 2);
            NDArray back = Patches.unpatchify(patches, 2, 2, 3);

            assertThat(patches.getShape()).isEqualTo(new Shape(2, 6, 12));
            assertThat(back.toFloatArray()).containsExactly(images.toFloatArray());
            // Patch 0 of image 0, pixel (0, 1), channel 1 is element [0, 1, 0, 1] = 1 * 24 + 1.
            assertThat(patches.getFloat(0, 0, (0 * 2 + 1) * 3 + 1)).isEqualTo(25f);
        }
    }
}
