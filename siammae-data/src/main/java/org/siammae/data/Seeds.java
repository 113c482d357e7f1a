package org.siammae.data;

/**
 * Derives independent seeds from a base seed and integer keys, so that each clip, epoch and sample
 * gets its own generator whatever thread draws it.
 */
public final class Seeds {

    private Seeds() {}

    /**
     * Returns a seed that depends on every bit of {@code base} and of each key, in order.
     *
     * @param base the base seed
     * @param keys the keys, such as a sample index and an attempt number
     */
    public static long derive(long base, long... keys) {
        long h = mix(base);
        for (long key : keys) {
            h = mix(h ^ mix(key + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** SplitMix64 finaliser: spreads every input bit over the output. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
