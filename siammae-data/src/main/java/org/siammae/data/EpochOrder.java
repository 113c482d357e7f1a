package org.siammae.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The clip order of every epoch: epoch {@code e} visits the clips in a permutation drawn from the
 * data seed and {@code e} alone, so any thread can compute where a clip task falls.
 */
final class EpochOrder {

    /** Permutations kept; workers seldom straddle more than two epochs. */
    private static final int CACHED_EPOCHS = 4;

    private final int clipCount;
    private final long seed;
    private final Map<Long, int[]> cache =
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, int[]> eldest) {
                    return size() > CACHED_EPOCHS;
                }
            };

    /**
     * Creates the order.
     *
     * @param clipCount clips per epoch, N
     * @param seed the data seed
     */
    EpochOrder(int clipCount, long seed) {
        if (clipCount < 1) {
            throw new IllegalArgumentException("an epoch needs at least one clip");
        }
        this.clipCount = clipCount;
        this.seed = seed;
    }

    /** Returns the clips per epoch, N. */
    int clipCount() {
        return clipCount;
    }

    /**
     * Returns the clip at a position of an epoch.
     *
     * @param epoch the 0-based epoch
     * @param position the 0-based position within the epoch; taken modulo N
     */
    int clipAt(long epoch, long position) {
        return permutation(epoch)[(int) Math.floorMod(position, (long) clipCount)];
    }

    private int[] permutation(long epoch) {
        synchronized (cache) {
            int[] order = cache.get(epoch);
            if (order == null) {
                order = shuffle(epoch);
                cache.put(epoch, order);
            }
            return order;
        }
    }

    private int[] shuffle(long epoch) {
        int[] order = new int[clipCount];
        for (int i = 0; i < clipCount; i++) {
            order[i] = i;
        }
        Random random = new Random(Seeds.derive(seed, 0x45504F4348L, epoch));
        for (int i = clipCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
