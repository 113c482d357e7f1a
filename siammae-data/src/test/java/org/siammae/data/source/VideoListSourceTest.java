package org.siammae.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.model.ModelGeometry;
import org.siammae.data.TestData;
import org.siammae.data.index.IndexSettings;

class VideoListSourceTest {

    @TempDir Path data;
    @TempDir Path cache;

    @Test
    void listedFilesAreIndexedAndMissingOnesSkipped() throws IOException {
        Path videos = TestData.sharedVideos();
        Path list = data.resolve("train.txt");
        Files.writeString(
                list,
                String.join(
                        "\n",
                        "# path, then an optional label as in MMAction2 lists",
                        "tests_data_test.avi 3",
                        "",
                        "demo_kinetics400_armwrestling.mp4",
                        "missing.mp4 7",
                        "tests_data_test.avi"));
        ComponentContext context =
                TestData.context(0, data)
                        .with(ModelGeometry.class, ModelGeometry.pairs(32, 8))
                        .with(IndexSettings.class, new IndexSettings(cache));
        IndexedSource source =
                (IndexedSource)
                        TestData.REGISTRY.create(
                                ComponentKind.CLIP_SOURCE,
                                ComponentSpec.named(
                                        "video-list", Map.of("list", "train.txt", "prefix", videos.toString())),
                                context);

        assertThat(source.clips()).extracting(ClipInfo::id)
                .containsExactly("demo_kinetics400_armwrestling.mp4", "tests_data_test.avi");
        assertThat(source.report().skipped()).isEqualTo(1);
        assertThat(source.report().indexFile()).isEqualTo(data.resolve("train.txt.siammae-list-index.csv"));
        assertThat(Files.readString(source.report().skippedList()))
                .contains("missing.mp4,")
                .contains("does not exist");
    }
}
