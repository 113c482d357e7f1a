package org.siammae.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.data.ClipSource;
import org.siammae.api.data.FrameSampler;
import org.siammae.api.model.ModelGeometry;

class BatchingTest {

    private static final ModelGeometry GEOMETRY = ModelGeometry.pairs(16, 8);

    @Test
    void epochOrderIsPermutationPerEpoch() {
        EpochOrder order = new EpochOrder(50, 7);
        int[][] epochs = new int[3][50];
        for (int e = 0; e < 3; e++) {
            for (int i = 0; i < 50; i++) {
                epochs[e][i] = order.clipAt(e, i);
            }
            int[] sorted = epochs[e].clone();
            Arrays.sort(sorted);
            int[] identity = new int[50];
            Arrays.setAll(identity, i -> i);
            assertThat(sorted).as("epoch %d visits every clip once", e).containsExactly(identity);
        }
        assertThat(epochs[1]).isNotEqualTo(epochs[0]);
        assertThat(epochs[2]).isNotEqualTo(epochs[1]);
        assertThat(new EpochOrder(50, 7).clipAt(2, 13)).isEqualTo(epochs[2][13]);
    }

    @Test
    void queueCapacityBoundsBatchesInMemory() throws Exception {
        ComponentContext context =
                TestData.context(0, Path.of(".")).with(ModelGeometry.class, GEOMETRY);
        FrameSampler sampler =
                TestData.REGISTRY.create(ComponentKind.FRAME_SAMPLER, ComponentSpec.named("random-gap",
                        Map.of("min-gap", 1, "max-gap", 4)), context);
        ClipSource source =
                TestData.REGISTRY.create(
                        ComponentKind.CLIP_SOURCE,
                        ComponentSpec.named("synthetic", Map.of("clips", 8, "frames", 8)),
                        context);
        ClipLoader loader = new ClipLoader(source, source.clips(), sampler, List.of(), GEOMETRY, 2, 1);
        try (BatchQueue queue = new BatchQueue(loader, GEOMETRY, 4, 2, 2, 2)) {
            Thread.sleep(500); // the workers fill what the window allows, then wait
            assertThat(queue.pendingBatches()).isBetween(1, 2);

            Set<Integer> epochs = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                epochs.add(queue.take().epoch());
                assertThat(queue.pendingBatches()).isLessThanOrEqualTo(2);
            }
            // 8 clips, 2 per batch: 4 batches per epoch, so 12 batches span epochs 0 to 2.
            assertThat(epochs).containsExactlyInAnyOrder(0, 1, 2);
        }
    }
}
