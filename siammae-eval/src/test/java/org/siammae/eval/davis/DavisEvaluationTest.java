package org.siammae.eval.davis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.eval.EvalProgress;
import org.siammae.eval.features.RawPixelFeatures;
import org.siammae.eval.io.LabelImage;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.LabelPngs;
import org.siammae.eval.io.Palette;
import org.siammae.eval.propagation.PropagationOptions;

/**
 * Runs the DAVIS task end to end on a constructed sequence. A random texture pans 8 pixels (one
 * cell) right per frame and wraps around, so every cell of a frame appears in the previous frame
 * and propagation can follow both objects exactly. Nearest upsampling keeps object corners sharp,
 * while bilinear upsampling rounds them (covered by {@code GridLabelsTest}).
 */
class DavisEvaluationTest {

    private static final int WIDTH = 96;
    private static final int HEIGHT = 64;

    @TempDir Path folder;

    @Test
    void movingSquareIsTrackedAndWritten() throws Exception {
        Path data = writeSequence(folder.resolve("davis"), 5);
        DavisOptions options = new DavisOptions();
        options.data = data.toString();
        PropagationOptions propagation = PropagationOptions.siammae();
        propagation.height = HEIGHT;
        propagation.width = WIDTH;
        propagation.temperature = 0.01;
        propagation.topK = 1;
        propagation.labelUpsampling = org.siammae.eval.propagation.LabelUpsampling.NEAREST;

        DavisSummary summary;
        try (NDManager manager = NDManager.newBaseManager()) {
            summary =
                    DavisEvaluation.run(
                            options,
                            propagation.toSettings(),
                            new RawPixelFeatures(8),
                            manager,
                            folder.resolve("out"),
                            EvalProgress.NONE);
        }

        assertThat(summary.scores().objects()).hasSize(2);
        assertThat(summary.scores().jMean()).isEqualTo(1.0);
        assertThat(summary.scores().fMean()).isEqualTo(1.0);
        Path prediction = summary.predictions().resolve("square/00003.png");
        LabelImage written = LabelPngs.read(prediction);
        assertThat(written.indexed()).isTrue();
        assertThat(written.labels()).isEqualTo(objects(3));
        for (String name :
                List.of("global_results.csv", "per-object_results.csv", "per-sequence_results.csv", "summary.json", "overlays/square.png")) {
            assertThat(summary.outputFolder().resolve(name)).exists();
        }
        assertThat(Files.readString(summary.outputFolder().resolve("per-object_results.csv")))
                .contains("square_1,1.000000,1.000000");
    }

    @Test
    void nonEmptyOutputFolderIsRejected() throws Exception {
        Path data = writeSequence(folder.resolve("davis"), 3);
        Path out = Files.createDirectories(folder.resolve("old"));
        Files.writeString(out.resolve("global_results.csv"), "stale");
        DavisOptions options = new DavisOptions();
        options.data = data.toString();

        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(
                            () ->
                                    DavisEvaluation.run(
                                            options,
                                            PropagationOptions.siammae().toSettings(),
                                            new RawPixelFeatures(8),
                                            manager,
                                            out,
                                            EvalProgress.NONE))
                    .isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessageContaining("not empty");
        }
    }

    @Test
    void resultsFolderScoresAndRejectsUnknownIds() throws Exception {
        Path data = writeSequence(folder.resolve("davis"), 4);
        DavisDataset dataset = DavisDataset.open(data, "480p", "val", List.of(), AnnotationFormat.AUTO);
        DavisResultsScorer scorer = new DavisResultsScorer(new DavisScorer());

        // The annotations themselves as results score 1 everywhere.
        DavisScores perfect = scorer.score(dataset, data.resolve("Annotations/480p"), EvalProgress.NONE);
        assertThat(perfect.jfMean()).isEqualTo(1.0);

        Path results = Files.createDirectories(folder.resolve("results/square"));
        for (int t = 0; t < 4; t++) {
            LabelMap labels = t == 2 ? objects(t).replace(2, 3) : objects(t);
            LabelPngs.writeIndexed(results.resolve(String.format("%05d.png", t)), labels, Palette.davis());
        }
        assertThatThrownBy(() -> scorer.score(dataset, folder.resolve("results"), EvalProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("00002.png")
                .hasMessageContaining("object id 3")
                .hasMessageContaining("objects 1 to 2");

        Files.delete(results.resolve("00001.png"));
        assertThatThrownBy(() -> scorer.score(dataset, folder.resolve("results"), EvalProgress.NONE))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("00001.png");
    }

    @Test
    void sparseAnnotationsLeaveNothingToScore() throws Exception {
        Path data = writeSequence(folder.resolve("sparse"), 4);
        Files.delete(data.resolve("Annotations/480p/square/00002.png"));
        DavisDataset dataset = DavisDataset.open(data, "480p", "val", List.of(), AnnotationFormat.AUTO);

        assertThatThrownBy(() -> new DavisResultsScorer(new DavisScorer())
                        .score(dataset, data.resolve("Annotations/480p"), EvalProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no sequence of " + data)
                .hasMessageContaining("annotation for every frame");
    }

    /** Writes frames (lossless PNG data under .jpg names) and palette annotations. */
    private static Path writeSequence(Path root, int frames) throws IOException {
        Path images = Files.createDirectories(root.resolve("JPEGImages/480p/square"));
        Path annotations = Files.createDirectories(root.resolve("Annotations/480p/square"));
        Random random = new Random(1);
        int[] texture = new int[WIDTH * HEIGHT];
        for (int i = 0; i < texture.length; i++) {
            texture[i] = random.nextInt(0xFFFFFF);
        }
        for (int t = 0; t < frames; t++) {
            int[] shifted = new int[WIDTH * HEIGHT];
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    shifted[y * WIDTH + (x + 8 * t) % WIDTH] = texture[y * WIDTH + x];
                }
            }
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, WIDTH, HEIGHT, shifted, 0, WIDTH);
            ImageIO.write(image, "png", images.resolve(String.format("%05d.jpg", t)).toFile());
            LabelPngs.writeIndexed(annotations.resolve(String.format("%05d.png", t)), objects(t), Palette.davis());
        }
        return root;
    }

    /** Object 1 is a 16-pixel square, object 2 a 24 x 16 rectangle; both pan with the texture. */
    private static LabelMap objects(int t) {
        int[] labels = new int[WIDTH * HEIGHT];
        for (int y = 16; y < 32; y++) {
            for (int x = 16; x < 32; x++) {
                labels[y * WIDTH + (x + 8 * t) % WIDTH] = 1;
            }
        }
        for (int y = 48; y < 64; y++) {
            for (int x = 0; x < 24; x++) {
                labels[y * WIDTH + (x + 8 * t) % WIDTH] = 2;
            }
        }
        return LabelMap.of(WIDTH, HEIGHT, labels);
    }
}
