package org.siammae.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.siammae.api.masking.MaskPattern;

/**
 * Grid masking: the visible patches form a regular lattice with a random offset.
 *
 * <p>With {@code p = round(L / K)} patches per visible patch, the lattice is a checkerboard for
 * {@code p = 2}, every q-th row and column for a square {@code p = q * q} (ratio 0.75 keeps one
 * patch of each 2 x 2 cell), and otherwise the sheared lattice {@code (row * s + column + offset)
 * mod p == 0} with {@code s = floor(sqrt(p))}. When the lattice contains more or fewer than K patches
 * (grids that p does not divide), patches are dropped from it or added from outside it at evenly
 * spaced places, so exactly K stay visible.
 */
public final class GridPattern implements MaskPattern {

    @Override
    public int[] visiblePatches(int gridHeight, int gridWidth, int numVisible, Random random) {
        int patches = gridHeight * gridWidth;
        if (numVisible == 0 || numVisible == patches) {
            return firstIndices(numVisible);
        }
        int period = Math.max(1, (int) Math.round((double) patches / numVisible));
        int root = (int) Math.round(Math.sqrt(period));
        List<Integer> lattice = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        if (root * root == period) {
            int rowOffset = random.nextInt(root);
            int columnOffset = random.nextInt(root);
            for (int i = 0; i < patches; i++) {
                boolean onLattice =
                        (i / gridWidth) % root == rowOffset && (i % gridWidth) % root == columnOffset;
                (onLattice ? lattice : rest).add(i);
            }
        } else {
            int shear = Math.max(1, (int) Math.floor(Math.sqrt(period)));
            int offset = random.nextInt(period);
            for (int i = 0; i < patches; i++) {
                boolean onLattice = ((i / gridWidth) * shear + i % gridWidth + offset) % period == 0;
                (onLattice ? lattice : rest).add(i);
            }
        }
        return adjust(lattice, rest, numVisible);
    }

    private static int[] adjust(List<Integer> lattice, List<Integer> rest, int numVisible) {
        List<Integer> kept;
        if (lattice.size() >= numVisible) {
            kept = evenlySpaced(lattice, numVisible);
        } else {
            kept = new ArrayList<>(lattice);
            kept.addAll(evenlySpaced(rest, numVisible - lattice.size()));
        }
        return kept.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static List<Integer> evenlySpaced(List<Integer> items, int count) {
        List<Integer> chosen = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            chosen.add(items.get((int) ((long) k * items.size() / count)));
        }
        return chosen;
    }

    private static int[] firstIndices(int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return indices;
    }
}
