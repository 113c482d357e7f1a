package org.siammae.eval.davis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The scores of every object of every evaluated sequence, and the global DAVIS measures.
 *
 * <p>Global measures average over objects, not over sequences, as the official evaluator does: a
 * sequence with three objects weighs three times as much as one with a single object. The means are
 * plain means, so one NaN object makes the global value NaN, again as in the official code.
 *
 * @param objects the per-object scores, in sequence order then object order
 */
public record DavisScores(List<ObjectScores> objects) {

    public DavisScores {
        objects = List.copyOf(objects);
    }

    /** Returns J-Mean: the mean over objects of each object's mean J. */
    public double jMean() {
        return average(o -> o.j().mean());
    }

    /** Returns J-Recall averaged over objects. */
    public double jRecall() {
        return average(o -> o.j().recall());
    }

    /** Returns J-Decay averaged over objects. */
    public double jDecay() {
        return average(o -> o.j().decay());
    }

    /** Returns F-Mean averaged over objects. */
    public double fMean() {
        return average(o -> o.f().mean());
    }

    /** Returns F-Recall averaged over objects. */
    public double fRecall() {
        return average(o -> o.f().recall());
    }

    /** Returns F-Decay averaged over objects. */
    public double fDecay() {
        return average(o -> o.f().decay());
    }

    /** Returns J&F-Mean, {@code (J-Mean + F-Mean) / 2}. */
    public double jfMean() {
        return (jMean() + fMean()) / 2;
    }

    /** Returns the scores grouped by sequence, in evaluation order. */
    public Map<String, DavisScores> bySequence() {
        Map<String, List<ObjectScores>> groups = new LinkedHashMap<>();
        for (ObjectScores object : objects) {
            groups.computeIfAbsent(object.sequence(), s -> new ArrayList<>()).add(object);
        }
        Map<String, DavisScores> out = new LinkedHashMap<>();
        groups.forEach((sequence, list) -> out.put(sequence, new DavisScores(list)));
        return out;
    }

    private double average(ToDoubleFunction<ObjectScores> measure) {
        if (objects.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (ObjectScores object : objects) {
            sum += measure.applyAsDouble(object);
        }
        return sum / objects.size();
    }
}
