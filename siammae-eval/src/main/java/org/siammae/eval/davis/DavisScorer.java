package org.siammae.eval.davis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.siammae.eval.io.LabelMap;

/**
 * Scores the predicted masks of one sequence in the semi-supervised DAVIS protocol, with the object
 * handling of the official evaluator (davis2017-evaluation, {@code evaluation.py} and {@code
 * davis.py}).
 *
 * <ul>
 *   <li>Ground-truth value 255 (void) counts as background; the number of objects is the highest id
 *       in the first ground-truth frame.
 *   <li>The first and the last frame are not scored.
 *   <li>A prediction id above the number of objects is an error; an object that the prediction
 *       lacks scores as an empty mask.
 * </ul>
 */
public final class DavisScorer {

    private static final int VOID = 255;

    private final double boundThreshold;

    /** Creates a scorer with the official boundary tolerance (0.8 % of the diagonal). */
    public DavisScorer() {
        this(DavisMetrics.DEFAULT_BOUND_THRESHOLD);
    }

    /**
     * Creates a scorer.
     *
     * @param boundThreshold boundary tolerance as a fraction of the diagonal (below 1) or in pixels
     */
    public DavisScorer(double boundThreshold) {
        this.boundThreshold = boundThreshold;
    }

    /**
     * Returns the number of objects of a sequence: the highest id in its first annotation, void
     * excluded.
     *
     * @param firstAnnotation the first ground-truth frame
     */
    public static int objectCount(LabelMap firstAnnotation) {
        return firstAnnotation.replace(VOID, 0).max();
    }

    /**
     * Scores a sequence.
     *
     * @param sequence the sequence name, for messages and tables
     * @param groundTruth every annotated frame, in order
     * @param predictions one entry per annotated frame; the entries of the first and the last frame
     *     are not read and may be null
     * @return one entry per object, ids 1 to the object count
     * @throws IllegalArgumentException if a prediction is missing, has another size than its
     *     annotation, or contains an id the ground truth lacks
     */
    public List<ObjectScores> scoreSequence(
            String sequence, List<LabelMap> groundTruth, List<LabelMap> predictions) {
        if (groundTruth.isEmpty()) {
            throw new IllegalArgumentException("sequence " + sequence + " has no annotated frame");
        }
        if (predictions.size() != groundTruth.size()) {
            throw new IllegalArgumentException(
                    "sequence "
                            + sequence
                            + " has "
                            + groundTruth.size()
                            + " annotated frames but "
                            + predictions.size()
                            + " predictions");
        }
        int objects = objectCount(groundTruth.get(0));
        int scored = Math.max(0, groundTruth.size() - 2);
        List<LabelMap> truth = new ArrayList<>(scored);
        List<LabelMap> predicted = new ArrayList<>(scored);
        for (int frame = 1; frame <= scored; frame++) {
            LabelMap annotation = groundTruth.get(frame).replace(VOID, 0);
            LabelMap prediction = predictions.get(frame);
            checkPrediction(sequence, frame, annotation, prediction, objects);
            truth.add(annotation);
            predicted.add(prediction);
        }

        List<ObjectScores> out = new ArrayList<>(objects);
        for (int object = 1; object <= objects; object++) {
            double[] jaccard = new double[scored];
            double[] boundary = new double[scored];
            int id = object;
            IntStream.range(0, scored)
                    .parallel()
                    .forEach(
                            i -> {
                                LabelMap annotation = truth.get(i);
                                boolean[] trueMask = annotation.mask(id);
                                boolean[] predictedMask = predicted.get(i).mask(id);
                                jaccard[i] = DavisMetrics.jaccard(trueMask, predictedMask);
                                boundary[i] =
                                        DavisMetrics.boundaryF(
                                                predictedMask,
                                                trueMask,
                                                annotation.width(),
                                                annotation.height(),
                                                boundThreshold);
                            });
            out.add(ObjectScores.of(sequence, object, jaccard, boundary));
        }
        return out;
    }

    private static void checkPrediction(
            String sequence, int frame, LabelMap annotation, LabelMap prediction, int objects) {
        if (prediction == null) {
            throw new IllegalArgumentException(
                    "sequence " + sequence + " has no prediction for frame " + frame);
        }
        if (prediction.width() != annotation.width() || prediction.height() != annotation.height()) {
            throw new IllegalArgumentException(
                    "prediction of sequence "
                            + sequence
                            + " frame "
                            + frame
                            + " is "
                            + prediction.width()
                            + " x "
                            + prediction.height()
                            + " but its annotation is "
                            + annotation.width()
                            + " x "
                            + annotation.height()
                            + "; write predictions at the annotation size");
        }
        int max = prediction.max();
        if (max > objects) {
            throw new IllegalArgumentException(
                    "prediction of sequence "
                            + sequence
                            + " frame "
                            + frame
                            + " contains object id "
                            + max
                            + ", but the ground truth has "
                            + (objects == 0 ? "no object" : "objects 1 to " + objects));
        }
    }
}
