package org.siammae.api.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Checks the 2D sin-cos table against values computed by hand from MAE's definition
 * ({@code get_2d_sincos_pos_embed} in facebookresearch/mae, util/pos_embed.py): the first half of
 * the features encodes the column, the second half the row; each half is [sin..., cos...] with
 * {@code omega_i = 1 / 10000^(i / (D/4))}.
 */
class SinCosEmbeddingTest {

    @Test
    void gridWidthFourMatchesHandValues() {
        // D = 4: each half has one frequency, omega_0 = 1, so a half is [sin(pos), cos(pos)].
        float[] table = SinCosEmbedding.grid2d(4, 2, 3);

        // Patch (row 1, column 2) sits at index 1 * 3 + 2 = 5.
        int offset = 5 * 4;
        assertThat(table[offset]).isCloseTo((float) Math.sin(2), within(1e-7f));
        assertThat(table[offset + 1]).isCloseTo((float) Math.cos(2), within(1e-7f));
        assertThat(table[offset + 2]).isCloseTo((float) Math.sin(1), within(1e-7f));
        assertThat(table[offset + 3]).isCloseTo((float) Math.cos(1), within(1e-7f));
    }

    @Test
    void gridWidthEightUsesTwoFrequencies() {
        // D = 8: a half has D/4 = 2 frequencies, omega = [1, 1 / 10000^(1/2)] = [1, 0.01].
        float[] table = SinCosEmbedding.grid2d(8, 3, 3);

        // Patch (row 2, column 1) sits at index 2 * 3 + 1 = 7.
        int offset = 7 * 8;
        float[] expected = {
            (float) Math.sin(1), (float) Math.sin(0.01), (float) Math.cos(1), (float) Math.cos(0.01),
            (float) Math.sin(2), (float) Math.sin(0.02), (float) Math.cos(2), (float) Math.cos(0.02)
        };
        for (int i = 0; i < 8; i++) {
            assertThat(table[offset + i]).as("feature %d", i).isCloseTo(expected[i], within(1e-7f));
        }
    }

    @Test
    void originPatchIsZeroSineOneCosine() {
        float[] table = SinCosEmbedding.grid2d(8, 2, 2);

        assertThat(table).startsWith(0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f);
    }
}
