package org.siammae.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.eval.SharedData;
import org.siammae.eval.davis.DavisDataset;

/** Checks reading and writing label PNGs, on real DAVIS files and constructed ones. */
class LabelPngsTest {

    @TempDir Path folder;

    @Test
    void osvosPredictionsRoundTripExactly() throws IOException {
        Path root = SharedData.require("davis2017-format/predictions-osvos");
        int files = 0;
        for (String sequence : List.of("bmx-trees", "horsejump-high", "kite-surf")) {
            for (Path file : DavisDataset.listFiles(root.resolve(sequence), ".png")) {
                LabelImage original = LabelPngs.read(file);
                Path copy = folder.resolve(sequence + "-" + file.getFileName());
                LabelPngs.writeIndexed(copy, original.labels(), original.palette().orElseThrow());
                LabelImage reread = LabelPngs.read(copy);

                assertThat(reread.labels()).as(file.toString()).isEqualTo(original.labels());
                assertThat(reread.indexed()).isTrue();
                for (int index = 0; index < 4; index++) {
                    assertThat(reread.palette().orElseThrow().getRGB(index))
                            .isEqualTo(original.palette().orElseThrow().getRGB(index));
                }
                files++;
            }
        }
        // 80 + 50 + 50 frames.
        assertThat(files).isEqualTo(180);
    }

    @Test
    void davisPaletteMatchesRealAnnotation() throws IOException {
        Path file = SharedData.require("davis2017-format/Annotations/480p/bmx-trees").resolve("00000.png");
        IndexColorModel real = LabelPngs.read(file).palette().orElseThrow();
        IndexColorModel davis = Palette.davis();

        for (int index = 0; index < real.getMapSize(); index++) {
            assertThat(davis.getRGB(index)).as("index %d", index).isEqualTo(real.getRGB(index));
        }
        assertThat(real.getMapSize()).isEqualTo(256);
        assertThat(Palette.rgb(davis, 1)).isEqualTo(0x800000);
        assertThat(Palette.rgb(davis, 9)).isEqualTo(0xBF0000);
        assertThat(Palette.rgb(davis, 30)).isEqualTo(0x1E1E1E);
    }

    @Test
    void grayscaleMaskReadsRawValues() throws IOException {
        Path file = SharedData.require("davis2016/Annotations/480p/blackswan").resolve("00000.png");
        LabelImage mask = LabelPngs.read(file);

        assertThat(mask.indexed()).isFalse();
        assertThat(mask.labels().max()).isEqualTo(255);
        assertThat(mask.labels().width()).isEqualTo(854);
        assertThat(mask.labels().height()).isEqualTo(480);
    }

    @Test
    void rgbImageIsRejected() throws IOException {
        Path file = folder.resolve("rgb.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", file.toFile());

        assertThatThrownBy(() -> LabelPngs.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("rgb.png")
                .hasMessageContaining("indexed");
    }

    @Test
    void writeLeavesNoTemporaryFile() throws IOException {
        LabelPngs.writeIndexed(folder.resolve("a.png"), LabelMap.of(2, 1, 0, 3), Palette.davis());

        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.png");
        }
    }

    @Test
    void nearestResizeSamplesPixelCentres() {
        // 4 -> 2: output x reads floor((x + 0.5) * 2) = 1, 3.
        LabelMap map = LabelMap.of(4, 1, 10, 11, 12, 13);
        assertThat(map.resizeNearest(2, 1)).isEqualTo(LabelMap.of(2, 1, 11, 13));
        // 2 -> 4: floor((x + 0.5) / 2) = 0, 0, 1, 1.
        assertThat(LabelMap.of(2, 1, 5, 6).resizeNearest(4, 1)).isEqualTo(LabelMap.of(4, 1, 5, 5, 6, 6));
    }
}
