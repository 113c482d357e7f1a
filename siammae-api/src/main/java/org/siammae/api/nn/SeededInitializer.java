package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Arrays;
import java.util.Random;

/**
 * A parameter initialiser that draws from the run's own generator instead of the engine's global
 * one, so that a seed fixes the initial weights.
 *
 * <p>Blocks attach an unbound rule ({@link #xavierUniform}, {@link #normal}, {@link #constant}) to
 * each parameter; {@link ParameterInit#initialize} binds the rules to a generator and fills the
 * parameters in a fixed order. The rules follow MAE's initialisation: xavier-uniform linear weights,
 * zero biases, LayerNorm weight 1, [CLS] and [MASK] tokens normal with std 0.02.
 */
public final class SeededInitializer implements Initializer {

    private enum Rule {
        XAVIER_UNIFORM,
        NORMAL,
        CONSTANT
    }

    private final Rule rule;
    private final double a;
    private final double b;
    private final Random random;

    private SeededInitializer(Rule rule, double a, double b, Random random) {
        this.rule = rule;
        this.a = a;
        this.b = b;
        this.random = random;
    }

    /**
     * Uniform in {@code [-r, r]} with {@code r = sqrt(6 / (fanIn + fanOut))} (Glorot and Bengio,
     * 2010), as PyTorch's {@code xavier_uniform_} with gain 1.
     *
     * @param fanIn inputs per output unit
     * @param fanOut output units
     */
    public static SeededInitializer xavierUniform(int fanIn, int fanOut) {
        return new SeededInitializer(Rule.XAVIER_UNIFORM, fanIn, fanOut, null);
    }

    /**
     * Normal with mean 0.
     *
     * @param std the standard deviation
     */
    public static SeededInitializer normal(double std) {
        return new SeededInitializer(Rule.NORMAL, std, 0, null);
    }

    /**
     * Creates a constant rule.
     *
     * @param value the value of every element
     */
    public static SeededInitializer constant(double value) {
        return new SeededInitializer(Rule.CONSTANT, value, 0, null);
    }

    /**
     * Returns the same rule drawing from {@code generator}.
     *
     * @param generator the run's initialisation stream
     */
    SeededInitializer bind(Random generator) {
        return new SeededInitializer(rule, a, b, generator);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int size = Math.toIntExact(shape.size());
        float[] values = new float[size];
        switch (rule) {
            case CONSTANT -> Arrays.fill(values, (float) a);
            case NORMAL -> {
                requireBound();
                for (int i = 0; i < size; i++) {
                    values[i] = (float) (random.nextGaussian() * a);
                }
            }
            case XAVIER_UNIFORM -> {
                requireBound();
                double bound = Math.sqrt(6.0 / (a + b));
                for (int i = 0; i < size; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                }
            }
        }
        return manager.create(values, shape).toType(dataType, false);
    }

    private void requireBound() {
        if (random == null) {
            throw new IllegalStateException(
                    "random parameters must be initialised with ParameterInit.initialize(block,"
                            + " manager, random), which supplies the run's generator");
        }
    }
}
