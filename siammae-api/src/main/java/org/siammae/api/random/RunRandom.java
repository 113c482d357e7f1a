package org.siammae.api.random;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The seeded source of every random draw of one run.
 *
 * <p>Each consumer draws from its own named stream ({@code "init"}, {@code "masking"}, {@code
 * "data"}), whose seed mixes the run seed with the name. Adding a consumer therefore leaves the
 * draws of the others unchanged, and nothing reads a JVM-wide generator.
 */
public final class RunRandom {

    private final long seed;

    /**
     * Creates the streams of a run.
     *
     * @param seed the run seed
     */
    public RunRandom(long seed) {
        this.seed = seed;
    }

    /** Returns the run seed. */
    public long seed() {
        return seed;
    }

    /**
     * Returns a fresh generator for a named stream; equal names give equal sequences.
     *
     * @param name the consumer's name
     */
    public Random stream(String name) {
        return new Random(streamSeed(name));
    }

    /**
     * Returns the seed of a named stream, for consumers that seed their own generators (workers).
     *
     * @param name the consumer's name
     */
    public long streamSeed(String name) {
        long h = seed;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return mix(h + name.length());
    }

    /** SplitMix64 finaliser: spreads every input bit over the output. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
