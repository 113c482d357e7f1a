package org.siammae.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameReader;
import org.siammae.api.data.FrameStack;
import org.siammae.api.model.ModelGeometry;
import org.siammae.data.TestData;
import org.siammae.data.index.IndexSettings;

class FrameFolderSourceTest {

    @TempDir Path data;
    @TempDir Path cache;

    /** Writes frames whose red level is the frame number / 20, named without zero padding. */
    private static void writeClip(Path folder, int frames, String format) throws IOException {
        Files.createDirectories(folder);
        for (int i = 1; i <= frames; i++) {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            int red = Math.round(255f * i / 20);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    image.setRGB(x, y, (red << 16) | ((x * 6) << 8) | (y * 8));
                }
            }
            ImageIO.write(image, format, folder.resolve("img_" + i + "." + format).toFile());
        }
    }

    private IndexedSource source(Path root, int shortSide) {
        ComponentContext context =
                TestData.context(0, data)
                        .with(ModelGeometry.class, ModelGeometry.pairs(16, 8))
                        .with(IndexSettings.class, new IndexSettings(cache));
        return (IndexedSource)
                TestData.REGISTRY.create(
                        ComponentKind.CLIP_SOURCE,
                        ComponentSpec.named(
                                "frame-folder",
                                Map.of("root", root.toString(), "decode-short-side", shortSide, "fps", 25.0)),
                        context);
    }

    @Test
    void clipFoldersAreFoundAndOrderedNaturally() throws IOException {
        Path root = data.resolve("frames");
        writeClip(root.resolve("class_a/clip_1"), 12, "png");
        writeClip(root.resolve("class_b/clip_2"), 6, "png");
        Files.createDirectories(root.resolve("class_b/empty"));
        IndexedSource source = source(root, -1);

        List<ClipInfo> clips = source.clips();

        assertThat(clips).extracting(ClipInfo::id).containsExactly("class_a/clip_1", "class_b/clip_2");
        assertThat(clips.get(0).frameCount()).isEqualTo(12);
        assertThat(clips.get(0).fps()).isEqualTo(25.0);
        assertThat(clips.get(0).width()).isEqualTo(40);
        try (FrameReader reader = source.open(clips.get(0))) {
            FrameStack frames = reader.read(new int[] {1, 9});
            // img_2 and img_10: natural order, not img_10 right after img_1.
            assertThat(frames.frames().get(0)[0]).isCloseTo(Math.round(255f * 2 / 20) / 255f, within(1e-6f));
            assertThat(frames.frames().get(1)[0]).isCloseTo(Math.round(255f * 10 / 20) / 255f, within(1e-6f));
            assertThat(frames.width()).isEqualTo(40);
        }
    }

    @Test
    void framesShrinkToShortSide() throws IOException {
        Path root = data.resolve("frames");
        writeClip(root.resolve("clip"), 8, "png");
        IndexedSource source = source(root, 15);

        try (FrameReader reader = source.open(source.clips().get(0))) {
            FrameStack frames = reader.read(new int[] {0});
            assertThat(frames.height()).isEqualTo(15);
            assertThat(frames.width()).isEqualTo(20);
        }
    }

    @Test
    void newFramesTriggerReindex() throws IOException {
        Path root = data.resolve("frames");
        writeClip(root.resolve("clip"), 8, "png");
        IndexedSource first = source(root, -1);
        first.clips();
        IndexedSource second = source(root, -1);
        second.clips();
        assertThat(second.report().probed()).isZero();

        writeClip(root.resolve("clip"), 10, "png");
        IndexedSource third = source(root, -1);

        assertThat(third.clips().get(0).frameCount()).isEqualTo(10);
        assertThat(third.report().probed()).isEqualTo(1);
    }

    @Test
    void folderWithoutFramesFails() throws IOException {
        Path root = Files.createDirectories(data.resolve("no frames"));

        assertThatThrownBy(() -> source(root, -1).clips())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no folders of frame images")
                .hasMessageContaining(root.toString());
    }

    @Test
    void naturalOrderComparesNumbers() {
        List<String> names = new java.util.ArrayList<>(List.of("f10.jpg", "f2.jpg", "f1.jpg", "f02.jpg"));
        names.sort(FrameFolderReader.NATURAL_ORDER);

        assertThat(names).containsExactly("f1.jpg", "f02.jpg", "f2.jpg", "f10.jpg");
    }
}
