package org.siammae.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;

class MaskingTest {

    /** MAE keeps int(L * (1 - ratio)) patches: 9 of 196 and 39 of 784 at 0.95 (ViT-S/16, S/8). */
    @ParameterizedTest(name = "L={0} ratio={1} keeps {2}")
    @CsvSource({
        "196, 0.95, 9", "784, 0.95, 39", "196, 0.90, 19", "196, 0.75, 49", "196, 0.50, 98", "64, 0.0, 64"
    })
    void symmetricKeepsFloorOfVisibleFraction(int patches, double ratio, int expected) {
        int side = (int) Math.sqrt(patches);
        SymmetricMasking.Options options = new SymmetricMasking.Options();
        options.ratio = ratio;
        for (MaskingCase pattern : MaskingCase.values()) {
            FrameMasks masks =
                    new SymmetricMasking(pattern.create(), options)
                            .sample(3, ModelGeometry.pairs(side * 16, 16), new Random(1));

            for (int t = 0; t < 2; t++) {
                assertThat(masks.get(t).numVisible()).as("%s frame %d", pattern, t).isEqualTo(expected);
            }
        }
    }

    @Test
    void asymmetricDefaultLeavesContextWhole() {
        AsymmetricMasking.Options options = new AsymmetricMasking.Options();

        FrameMasks masks =
                new AsymmetricMasking(new RandomPattern(), options)
                        .sample(4, ModelGeometry.pairs(224, 16), new Random(2));

        assertThat(masks.context().get(0).isFull()).isTrue();
        assertThat(masks.target().numVisible()).isEqualTo(9);
        assertThat(masks.target().numHidden()).isEqualTo(187);
    }

    @Test
    void randomPatternDiffersBetweenSamples() {
        RandomPattern pattern = new RandomPattern();
        Random random = new Random(3);

        int[] first = pattern.visiblePatches(14, 14, 9, random);
        int[] second = pattern.visiblePatches(14, 14, 9, random);

        assertThat(first).isNotEqualTo(second);
        assertThat(new HashSet<>(Arrays.stream(first).boxed().toList())).hasSize(9);
    }

    @Test
    void gridAtHalfIsCheckerboard() {
        int[] visible = new GridPattern().visiblePatches(4, 4, 8, new Random(4));

        Set<Integer> parities = new HashSet<>();
        for (int index : visible) {
            parities.add((index / 4 + index % 4) % 2);
        }
        assertThat(visible).hasSize(8);
        assertThat(parities).hasSize(1);
    }

    @Test
    void gridAtThreeQuartersKeepsOnePerTwoByTwoCell() {
        int[] visible = new GridPattern().visiblePatches(14, 14, 49, new Random(5));

        Set<Integer> cells = new HashSet<>();
        for (int index : visible) {
            cells.add((index / 14 / 2) * 7 + (index % 14) / 2);
        }
        assertThat(cells).hasSize(49);
    }

    @Test
    void sharedSymmetricMaskIsEqualAcrossFrames() {
        SymmetricMasking.Options options = new SymmetricMasking.Options();
        options.shared = true;

        FrameMasks masks =
                new SymmetricMasking(new RandomPattern(), options)
                        .sample(2, ModelGeometry.pairs(64, 8), new Random(6));

        assertThat(masks.get(0).visible(1)).containsExactly(masks.get(1).visible(1));
    }

    private enum MaskingCase {
        RANDOM,
        GRID;

        org.siammae.api.masking.MaskPattern create() {
            return this == RANDOM ? new RandomPattern() : new GridPattern();
        }
    }
}
