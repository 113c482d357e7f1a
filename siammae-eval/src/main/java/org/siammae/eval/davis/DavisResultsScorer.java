package org.siammae.eval.davis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.io.LabelImage;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.LabelPngs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a results folder in the official DAVIS layout, {@code <results>/<sequence>/<frame>.png}
 * with one palette index per object, so that predictions of any tool can be scored.
 */
public final class DavisResultsScorer {

    private static final Logger LOG = LoggerFactory.getLogger(DavisResultsScorer.class);

    private final DavisScorer scorer;

    /**
     * Creates a results scorer.
     *
     * @param scorer the per-sequence scorer
     */
    public DavisResultsScorer(DavisScorer scorer) {
        this.scorer = scorer;
    }

    /**
     * Scores every sequence of a dataset that has an annotation for every frame.
     *
     * @param dataset the ground truth
     * @param results the results folder
     * @param progress receives one unit per sequence
     * @throws IOException if a prediction file is missing or unreadable
     * @throws IllegalArgumentException if a prediction contains an id the ground truth lacks or has
     *     the wrong size, or no sequence has an annotation for every frame
     */
    public DavisScores score(DavisDataset dataset, Path results, EvalProgress progress)
            throws IOException {
        if (!Files.isDirectory(results)) {
            throw new NoSuchFileException(results.toString(), null, "results folder not found");
        }
        List<ObjectScores> objects = new ArrayList<>();
        progress.begin("scoring " + results.getFileName(), dataset.sequences().size());
        int done = 0;
        for (DavisSequence sequence : dataset.sequences()) {
            if (!sequence.fullyAnnotated()) {
                LOG.warn(
                        "Skipped sequence {}: {} of its {} frames are annotated, scoring needs all",
                        sequence.name(),
                        sequence.annotations().size(),
                        sequence.frames().size());
            } else {
                objects.addAll(scoreSequence(dataset, sequence, results.resolve(sequence.name())));
            }
            progress.advance(++done, sequence.name());
        }
        progress.end();
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("no sequence of " + dataset.root() + " could be scored against "
                    + results + ": scoring needs an annotation for every frame, and each sequence lacks some");
        }
        return new DavisScores(objects);
    }

    private List<ObjectScores> scoreSequence(
            DavisDataset dataset, DavisSequence sequence, Path folder) throws IOException {
        List<LabelMap> truth = readAnnotations(dataset, sequence);
        boolean singleObject =
                dataset.format().isSingleObject(LabelPngs.read(sequence.annotations().get(0)));
        int objects = DavisScorer.objectCount(truth.get(0));
        List<LabelMap> predictions = new ArrayList<>(truth.size());
        for (int frame = 0; frame < truth.size(); frame++) {
            if (frame == 0 || frame == truth.size() - 1) {
                predictions.add(null);
                continue;
            }
            Path file = folder.resolve(DavisSequence.stem(sequence.annotations().get(frame)) + ".png");
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(
                        file.toString(),
                        null,
                        "missing prediction of sequence " + sequence.name() + " frame " + frame);
            }
            LabelMap prediction = readPrediction(singleObject, file);
            int max = prediction.max();
            if (max > objects) {
                throw new IllegalArgumentException(
                        "prediction "
                                + file
                                + " contains object id "
                                + max
                                + ", but the ground truth of "
                                + sequence.name()
                                + " has "
                                + (objects == 0 ? "no object" : "objects 1 to " + objects));
            }
            predictions.add(prediction);
        }
        return scorer.scoreSequence(sequence.name(), truth, predictions);
    }

    /**
     * Reads every annotation of a sequence as object ids.
     *
     * @param dataset the dataset, for its annotation format
     * @param sequence the sequence
     * @throws IOException if a file cannot be read
     */
    public static List<LabelMap> readAnnotations(DavisDataset dataset, DavisSequence sequence)
            throws IOException {
        List<LabelMap> truth = new ArrayList<>(sequence.annotations().size());
        for (Path file : sequence.annotations()) {
            truth.add(dataset.format().objectIds(LabelPngs.read(file)));
        }
        return truth;
    }

    private static LabelMap readPrediction(boolean singleObject, Path file) throws IOException {
        LabelImage image = LabelPngs.read(file);
        // A grayscale 0/255 prediction of a single-object sequence is a DAVIS-2016 style mask.
        if (singleObject && !image.indexed()) {
            return image.labels().binarize();
        }
        return image.labels();
    }
}
