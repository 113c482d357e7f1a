package org.siammae.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class PatchMaskTest {

    @Test
    void hiddenIndicatorIsOneForHiddenPatches() {
        PatchMask mask = PatchMask.of(5, new int[][] {{3, 0}});

        try (NDManager manager = NDManager.newBaseManager()) {
            float[] hidden = mask.hiddenIndicator(manager).toFloatArray();

            assertThat(hidden).containsExactly(0f, 1f, 1f, 0f, 1f);
        }
    }

    @Test
    void restoreIndicesUndoVisibleThenHiddenOrder() {
        // Visible {0, 3} come first (positions 0, 1), hidden {1, 2, 4} follow (positions 2, 3, 4).
        PatchMask mask = PatchMask.of(5, new int[][] {{3, 0}});

        try (NDManager manager = NDManager.newBaseManager()) {
            long[] restore = mask.restoreIndices(manager).toLongArray();
            long[] keep = mask.keepIndices(manager).toLongArray();

            assertThat(keep).containsExactly(0, 3);
            assertThat(restore).containsExactly(0, 2, 3, 1, 4);
        }
    }

    @Test
    void unequalCountsAreRejected() {
        assertThatThrownBy(() -> PatchMask.of(4, new int[][] {{0, 1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample 1 keeps 1");
    }

    @Test
    void repeatedIndexIsRejected() {
        assertThatThrownBy(() -> PatchMask.of(4, new int[][] {{2, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeated");
    }
}
