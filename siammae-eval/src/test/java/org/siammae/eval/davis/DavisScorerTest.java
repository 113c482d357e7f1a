package org.siammae.eval.davis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siammae.eval.SharedData;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.LabelPngs;

/** Checks the object handling of sequence scoring and compares whole sequences with the official code. */
class DavisScorerTest {

    private static final double EPS = 1e-12;
    private static final double OFFICIAL = 1e-9;

    private final DavisScorer scorer = new DavisScorer();

    @Test
    void globalMeansAverageObjectsNotSequences() {
        // Sequence "a": one object, predicted perfectly (J = F = 1 on every scored frame).
        LabelMap a = LabelMap.of(4, 4, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0);
        List<ObjectScores> first = scorer.scoreSequence("a", List.of(a, a, a, a), List.of(a, a, a, a));
        // Sequence "b": two objects, predicted as background (J = F = 0).
        LabelMap b = LabelMap.of(4, 4, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 2, 2, 0, 0, 2, 2);
        LabelMap none = LabelMap.zeros(4, 4);
        List<ObjectScores> second =
                scorer.scoreSequence("b", List.of(b, b, b), List.of(none, none, none));
        List<ObjectScores> all = new ArrayList<>(first);
        all.addAll(second);

        DavisScores scores = new DavisScores(all);

        // Over objects: (1 + 0 + 0) / 3. Averaging the sequences would give 0.5.
        assertThat(scores.objects()).hasSize(3);
        assertThat(scores.jMean()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(scores.fMean()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(scores.jfMean()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(scores.bySequence().get("a").jMean()).isEqualTo(1.0);
    }

    @Test
    void firstAndLastFramesAreNotScored() {
        LabelMap object = LabelMap.of(3, 3, 0, 0, 0, 0, 1, 0, 0, 0, 0);
        LabelMap none = LabelMap.zeros(3, 3);

        // The first and last predictions are wrong but ignored; the two middle ones are right.
        List<ObjectScores> scores =
                scorer.scoreSequence(
                        "s", List.of(object, object, object, object), List.of(none, object, object, none));

        assertThat(scores.get(0).jaccard()).containsExactly(1.0, 1.0);
        assertThat(scores.get(0).j().mean()).isEqualTo(1.0);
    }

    @Test
    void objectAbsentInSomeFramesScoresBothEmptyAsOne() {
        // Object 2 is in the first frame, leaves in frames 1 and 2 and is not predicted there:
        // both masks empty, so J = F = 1. In frame 3 it is back but not predicted: J = F = 0.
        LabelMap both = LabelMap.of(4, 1, 1, 0, 0, 2);
        LabelMap onlyOne = LabelMap.of(4, 1, 1, 0, 0, 0);
        List<LabelMap> truth = List.of(both, onlyOne, onlyOne, both, both);
        List<LabelMap> predictions = List.of(both, onlyOne, onlyOne, onlyOne, both);

        List<ObjectScores> scores = scorer.scoreSequence("s", truth, predictions);

        assertThat(scores).hasSize(2);
        assertThat(scores.get(1).jaccard()).containsExactly(1.0, 1.0, 0.0);
        assertThat(scores.get(1).boundary()).containsExactly(1.0, 1.0, 0.0);
        assertThat(scores.get(1).j().mean()).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void objectCountIsHighestFirstFrameIdWithoutVoid() {
        // Ids 1 and 3 with void 255: three objects, object 2 scores as empty in every frame.
        LabelMap first = LabelMap.of(4, 1, 1, 3, 255, 0);

        assertThat(DavisScorer.objectCount(first)).isEqualTo(3);
    }

    @Test
    void voidPixelsCountAsBackground() {
        // The annotation marks pixel 2 void; the prediction labels it object 1. The official
        // semi-supervised scoring keeps void pixels, as background: J = 1 / 2.
        LabelMap truth = LabelMap.of(3, 1, 1, 0, 255);
        LabelMap prediction = LabelMap.of(3, 1, 1, 0, 1);

        List<ObjectScores> scores =
                scorer.scoreSequence(
                        "s", List.of(truth, truth, truth), List.of(truth, prediction, truth));

        assertThat(scores.get(0).jaccard()).containsExactly(0.5);
    }

    @Test
    void unknownPredictionIdIsRejected() {
        LabelMap truth = LabelMap.of(2, 1, 1, 0);
        LabelMap prediction = LabelMap.of(2, 1, 1, 2);

        assertThatThrownBy(
                        () ->
                                scorer.scoreSequence(
                                        "bear", List.of(truth, truth, truth), List.of(truth, prediction, truth)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bear")
                .hasMessageContaining("object id 2")
                .hasMessageContaining("objects 1 to 1");
    }

    @Test
    void predictionOfOtherSizeIsRejected() {
        LabelMap truth = LabelMap.of(2, 1, 1, 0);
        LabelMap small = LabelMap.of(1, 1, 1);

        assertThatThrownBy(
                        () -> scorer.scoreSequence("s", List.of(truth, truth, truth), List.of(truth, small, truth)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annotation size");
    }

    /**
     * Multi-object sequence on real masks: the OSVOS masks of bmx-trees (80 frames, 2 objects)
     * serve as ground truth; the prediction shifts them 5 pixels right and 3 down and drops object
     * 2 in frames 10 to 19. Expected values come from davis2017-evaluation's {@code db_eval_iou},
     * {@code f_measure} and {@code db_statistics}, transcribed and run with NumPy 1.24, OpenCV 4.6
     * and scikit-image 0.19 on the same arrays.
     */
    @Test
    void shiftedRealMasksMatchOfficialValues() throws IOException {
        Path folder = SharedData.require("davis2017-format/predictions-osvos/bmx-trees");
        List<LabelMap> truth = new ArrayList<>();
        List<LabelMap> predictions = new ArrayList<>();
        List<Path> files = DavisDataset.listFiles(folder, ".png");
        for (int frame = 0; frame < files.size(); frame++) {
            LabelMap mask = LabelPngs.readLabels(files.get(frame));
            truth.add(mask);
            LabelMap shifted = shift(mask, 5, 3);
            predictions.add(frame >= 10 && frame < 20 ? shifted.replace(2, 0) : shifted);
        }

        DavisScores scores = new DavisScores(scorer.scoreSequence("bmx-trees", truth, predictions));

        ObjectScores first = scores.objects().get(0);
        ObjectScores second = scores.objects().get(1);
        assertThat(first.j().mean()).isCloseTo(0.39257862379700553, within(OFFICIAL));
        assertThat(first.j().recall()).isCloseTo(0.21794871794871795, within(OFFICIAL));
        assertThat(first.j().decay()).isCloseTo(0.15926814767063363, within(OFFICIAL));
        assertThat(first.f().mean()).isCloseTo(0.998676946351367, within(OFFICIAL));
        assertThat(first.f().recall()).isCloseTo(1.0, within(OFFICIAL));
        assertThat(first.f().decay()).isCloseTo(0.000316709216359623, within(OFFICIAL));
        assertThat(second.j().mean()).isCloseTo(0.5541772465887111, within(OFFICIAL));
        assertThat(second.j().recall()).isCloseTo(0.8333333333333334, within(OFFICIAL));
        assertThat(second.j().decay()).isCloseTo(-0.20286368081151696, within(OFFICIAL));
        assertThat(second.f().mean()).isCloseTo(0.8717948717948718, within(OFFICIAL));
        assertThat(second.f().recall()).isCloseTo(0.8717948717948718, within(OFFICIAL));
        assertThat(second.f().decay()).isCloseTo(-0.5, within(OFFICIAL));
        assertThat(scores.jfMean()).isCloseTo(0.7043069221329888, within(OFFICIAL));
        assertThat(scores.jRecall()).isCloseTo(0.5256410256410257, within(OFFICIAL));
        assertThat(scores.fDecay()).isCloseTo(-0.2498416453918202, within(OFFICIAL));
    }

    /**
     * DAVIS-2016 kite-surf: the real single-object annotations against the OSVOS masks of the
     * same sequence with all objects merged. Expected values as in the test above (official
     * metric functions on the binarised arrays).
     */
    @Test
    void davis2016MasksMatchOfficialValues() throws IOException {
        Path annotations = SharedData.require("davis2016/Annotations/480p/kite-surf");
        Path osvos = SharedData.require("davis2017-format/predictions-osvos/kite-surf");
        List<LabelMap> truth = new ArrayList<>();
        for (Path file : DavisDataset.listFiles(annotations, ".png")) {
            truth.add(AnnotationFormat.AUTO.objectIds(LabelPngs.read(file)));
        }
        List<LabelMap> predictions = new ArrayList<>();
        for (Path file : DavisDataset.listFiles(osvos, ".png")) {
            predictions.add(LabelPngs.readLabels(file).binarize());
        }

        ObjectScores scores = scorer.scoreSequence("kite-surf", truth, predictions).get(0);

        assertThat(scores.j().mean()).isCloseTo(0.598068948196033, within(OFFICIAL));
        assertThat(scores.j().recall()).isCloseTo(0.8541666666666666, within(OFFICIAL));
        assertThat(scores.j().decay()).isCloseTo(-0.02097808403853063, within(OFFICIAL));
        assertThat(scores.f().mean()).isCloseTo(0.6603981636224597, within(OFFICIAL));
        assertThat(scores.f().recall()).isCloseTo(1.0, within(OFFICIAL));
        assertThat(scores.f().decay()).isCloseTo(-0.02267760534273533, within(OFFICIAL));
    }

    /** Shifts labels right by dx and down by dy, filling with background. */
    static LabelMap shift(LabelMap map, int dx, int dy) {
        byte[] values = map.values();
        byte[] out = new byte[values.length];
        int width = map.width();
        for (int y = dy; y < map.height(); y++) {
            for (int x = dx; x < width; x++) {
                out[y * width + x] = values[(y - dy) * width + (x - dx)];
            }
        }
        return LabelMap.wrap(width, map.height(), out);
    }
}
