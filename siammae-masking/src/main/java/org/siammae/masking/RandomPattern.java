package org.siammae.masking;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.siammae.api.masking.MaskPattern;

/**
 * MAE's random masking: draw uniform noise for every patch and keep the patches with the smallest
 * noise, so every subset of the given size is equally likely.
 */
public final class RandomPattern implements MaskPattern {

    @Override
    public int[] visiblePatches(int gridHeight, int gridWidth, int numVisible, Random random) {
        int patches = gridHeight * gridWidth;
        double[] noise = new double[patches];
        for (int i = 0; i < patches; i++) {
            noise[i] = random.nextDouble();
        }
        int[] kept =
                IntStream.range(0, patches)
                        .boxed()
                        .sorted(Comparator.comparingDouble(i -> noise[i]))
                        .limit(numVisible)
                        .mapToInt(Integer::intValue)
                        .toArray();
        Arrays.sort(kept);
        return kept;
    }
}
