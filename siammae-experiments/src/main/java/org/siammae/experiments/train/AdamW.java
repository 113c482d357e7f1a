package org.siammae.experiments.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter, 2019) with its moments held here, so they can be checkpointed and a
 * run resumed exactly; DJL's optimisers keep their state private.
 *
 * <p>The update follows PyTorch's {@code torch.optim.AdamW}: decay the weight by {@code lr * wd},
 * then {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}. As in MAE, weights with
 * fewer than 2 axes and parameters named {@code bias} get no weight decay. After each step the
 * gradients are zeroed, because the PyTorch engine accumulates them.
 */
public final class AdamW {

    /**
     * Hyper-parameters that do not change during a run.
     *
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon denominator epsilon
     * @param weightDecay decoupled weight decay
     */
    public record Settings(double beta1, double beta2, double epsilon, double weightDecay) {}

    private final Map<String, Parameter> parameters;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private final Settings settings;
    private long stepCount;

    /**
     * Creates the optimiser with zero moments.
     *
     * @param parameters the trainable parameters by path
     * @param manager where the moments live (the model's manager)
     * @param settings the hyper-parameters
     */
    public AdamW(Map<String, Parameter> parameters, NDManager manager, Settings settings) {
        this.parameters = parameters;
        this.settings = settings;
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            NDArray weight = entry.getValue().getArray();
            firstMoments.put(entry.getKey(), manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
            secondMoments.put(entry.getKey(), manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
        }
    }

    /**
     * Returns whether a parameter gets weight decay.
     *
     * @param path the parameter path
     * @param weight its value
     */
    static boolean decays(String path, NDArray weight) {
        return weight.getShape().dimension() >= 2 && !path.endsWith(".bias");
    }

    /**
     * Updates every parameter from its gradient and zeroes the gradients. Call it outside the
     * gradient collector, inside an {@code NDScope} that closes the temporaries.
     *
     * @param learningRate this step's learning rate
     */
    public void step(double learningRate) {
        stepCount++;
        double correction1 = 1 - Math.pow(settings.beta1(), stepCount);
        double correction2 = 1 - Math.pow(settings.beta2(), stepCount);
        float stepSize = (float) (learningRate / correction1);
        float rootCorrection2 = (float) Math.sqrt(correction2);
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            NDArray weight = entry.getValue().getArray();
            NDArray gradient = weight.getGradient();
            NDArray m = firstMoments.get(entry.getKey());
            NDArray v = secondMoments.get(entry.getKey());

            // Decoupled weight decay.
            if (decays(entry.getKey(), weight)) {
                weight.muli((float) (1 - learningRate * settings.weightDecay()));
            }

            // Moment updates and the bias-corrected step.
            m.muli((float) settings.beta1()).addi(gradient.mul((float) (1 - settings.beta1())));
            v.muli((float) settings.beta2()).addi(gradient.square().mul((float) (1 - settings.beta2())));
            NDArray denominator = v.sqrt().div(rootCorrection2).add((float) settings.epsilon());
            weight.subi(m.div(denominator).mul(stepSize));

            // The engine accumulates gradients: clear them for the next step.
            gradient.subi(gradient);
        }
    }

    /** Returns the number of steps taken. */
    public long stepCount() {
        return stepCount;
    }

    /** Returns the moments by name ({@code m.<path>}, {@code v.<path>}) for a checkpoint. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        firstMoments.forEach((path, array) -> state.put("m." + path, array));
        secondMoments.forEach((path, array) -> state.put("v." + path, array));
        return state;
    }

    /**
     * Restores the moments and the step count from a checkpoint.
     *
     * @param stored arrays by name, as {@link #state()} wrote them
     * @param steps the step count stored with them
     * @throws IllegalArgumentException naming a missing or misshapen moment
     */
    public void restore(Map<String, NDArray> stored, long steps) {
        for (Map.Entry<String, NDArray> entry : state().entrySet()) {
            NDArray source = stored.get(entry.getKey());
            if (source == null || !source.getShape().equals(entry.getValue().getShape())) {
                throw new IllegalArgumentException(
                        "optimizer state lacks a matching tensor '" + entry.getKey() + "'");
            }
            source.copyTo(entry.getValue());
        }
        stepCount = steps;
    }
}
