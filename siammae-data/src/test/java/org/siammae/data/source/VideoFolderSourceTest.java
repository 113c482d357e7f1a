package org.siammae.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.ClipSource;
import org.siammae.api.data.FrameSampler;
import org.siammae.api.model.ModelGeometry;
import org.siammae.data.MediaFixtures;
import org.siammae.data.TestData;
import org.siammae.data.index.IndexSettings;
import org.siammae.data.index.ScanReport;

class VideoFolderSourceTest {

    @TempDir Path data;
    @TempDir Path cache;

    private IndexedSource source(Path root, Map<String, Object> sampler) {
        ComponentContext context =
                TestData.context(0, data)
                        .with(ModelGeometry.class, ModelGeometry.pairs(32, 8))
                        .with(IndexSettings.class, new IndexSettings(cache));
        FrameSampler frameSampler =
                TestData.REGISTRY.create(
                        ComponentKind.FRAME_SAMPLER,
                        ComponentSpec.named((String) sampler.get("name"), without(sampler, "name")),
                        context);
        ClipSource source =
                TestData.REGISTRY.create(
                        ComponentKind.CLIP_SOURCE,
                        ComponentSpec.named("video-folder", Map.of("root", root.toString(), "scan-threads", 2)),
                        context.with(FrameSampler.class, frameSampler));
        return (IndexedSource) source;
    }

    private IndexedSource source(Path root) {
        return source(root, Map.of("name", "random-gap"));
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        return map.entrySet().stream()
                .filter(e -> !e.getKey().equals(key))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Lays out two good clips and three broken files in class folders, Kinetics-style. */
    private Path kineticsTree() throws IOException {
        Path videos = TestData.sharedVideos();
        Path root = data.resolve("k400");
        MediaFixtures.copy(videos.resolve("tests_data_test.avi"), root.resolve("catch/good.avi"));
        MediaFixtures.copy(
                videos.resolve("demo_kinetics400_armwrestling.mp4"),
                root.resolve("arm wrestling/good, with comma.mp4"));
        MediaFixtures.truncatedCopy(
                videos.resolve("tests_data_test.mp4"), root.resolve("catch/truncated.mp4"), 0.5);
        Files.createFile(root.resolve("catch/empty.mp4"));
        MediaFixtures.audioOnly(root.resolve("arm wrestling/audio.mp4"));
        Files.writeString(root.resolve("catch/notes.txt"), "not a video");
        return root;
    }

    @Test
    void brokenFilesAreSkippedAndListed() throws IOException {
        Path root = kineticsTree();
        IndexedSource source = source(root);

        List<ClipInfo> clips = source.clips();
        ScanReport report = source.report();

        assertThat(clips).extracting(ClipInfo::id)
                .containsExactly("arm wrestling/good, with comma.mp4", "catch/good.avi");
        assertThat(clips.get(1).frameCount()).isEqualTo(164);
        assertThat(report.usable()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(3);
        assertThat(report.probed()).isEqualTo(5);
        String list = Files.readString(report.skippedList(), StandardCharsets.UTF_8);
        assertThat(list).startsWith("path,reason");
        assertThat(lineOf(list, "catch/empty.mp4")).contains("empty (0 bytes)");
        assertThat(lineOf(list, "catch/truncated.mp4")).contains("cannot open");
        assertThat(lineOf(list, "arm wrestling/audio.mp4")).contains("no video stream");
        // The index records frames, fps, size and duration: 164 frames at 25 fps last 6.56 s.
        String index = Files.readString(report.indexFile(), StandardCharsets.UTF_8);
        assertThat(lineOf(index, "catch/good.avi")).contains(",164,true,25.000000,320,240,6.560,");
        assertThat(lineOf(index, "\"arm wrestling/good, with comma.mp4\"")).contains(",280,true,");
    }

    private static String lineOf(String text, String prefix) {
        return text.lines().filter(line -> line.startsWith(prefix)).findFirst().orElse("<no line for " + prefix + ">");
    }

    @Test
    void emptyFolderFailsNamingIt() throws IOException {
        Path empty = Files.createDirectories(data.resolve("nothing here"));

        assertThatThrownBy(() -> source(empty).clips())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no video files")
                .hasMessageContaining(empty.toString());
    }

    @Test
    void missingFolderFailsNamingIt() {
        Path missing = data.resolve("missing");

        assertThatThrownBy(() -> source(missing).clips())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing + " does not exist");
    }

    @Test
    void folderOfBrokenFilesFails() throws IOException {
        Path root = data.resolve("broken");
        Files.createDirectories(root);
        Files.createFile(root.resolve("empty.mp4"));

        assertThatThrownBy(() -> source(root).clips())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no usable clip in video folder " + root)
                .hasMessageContaining("siammae-video-skipped.csv");
    }

    @Test
    void indexIsReusedUntilFileChanges() throws IOException {
        Path root = kineticsTree();
        ScanReport first = scan(root);
        ScanReport second = scan(root);

        assertThat(first.indexFile()).isEqualTo(root.resolve("siammae-video-index.csv"));
        assertThat(second.probed()).isZero();
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());

        // Replace the AVI clip by a shorter cut of another clip: same name, new content.
        Path avi = root.resolve("catch/good.avi");
        Files.copy(TestData.sharedVideos().resolve("test_video_structuralize.mp4"), avi,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(avi, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        IndexedSource changed = source(root);
        List<ClipInfo> clips = changed.clips();

        assertThat(changed.report().probed()).isEqualTo(1);
        assertThat(changed.report().fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(clips.get(1).id()).isEqualTo("catch/good.avi");
        assertThat(clips.get(1).frameCount()).isEqualTo(300);
        assertThat(clips.get(1).width()).isEqualTo(426);
    }

    @Test
    void removedFileLeavesIndex() throws IOException {
        Path root = kineticsTree();
        scan(root);
        Files.delete(root.resolve("catch/good.avi"));

        IndexedSource source = source(root);
        assertThat(source.clips()).extracting(ClipInfo::id)
                .containsExactly("arm wrestling/good, with comma.mp4");
        assertThat(source.report().probed()).isZero();
        assertThat(Files.readString(source.report().indexFile())).doesNotContain("good.avi");
    }

    private ScanReport scan(Path root) throws IOException {
        IndexedSource source = source(root);
        source.clips();
        return source.report();
    }

    @Test
    void readOnlyFolderIndexGoesToCache() throws IOException {
        Path root = data.resolve("read-only");
        MediaFixtures.copy(TestData.sharedVideos().resolve("tests_data_test.avi"), root.resolve("clip.avi"));
        Files.createFile(root.resolve("empty.mp4"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            IndexedSource source = source(root);
            source.clips();

            assertThat(source.report().indexFile().getParent()).isEqualTo(cache);
            assertThat(source.report().skippedList().getParent()).isEqualTo(cache);
            assertThat(Files.exists(source.report().indexFile())).isTrue();
            try (Stream<Path> files = Files.list(root)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("clip.avi", "empty.mp4");
            }
            // A second start finds the index in the cache folder.
            IndexedSource again = source(root);
            again.clips();
            assertThat(again.report().probed()).isZero();
        } finally {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void clipsTooShortForSamplerAreSkipped() throws IOException {
        Path root = data.resolve("short");
        MediaFixtures.copy(TestData.sharedVideos().resolve("tests_data_test.avi"), root.resolve("a.avi"));
        MediaFixtures.copy(TestData.sharedVideos().resolve("tests_data_test.mp4"), root.resolve("b.mp4"));
        IndexedSource source = source(root, Map.of("name", "fixed-gap", "gap", 200));

        assertThat(source.clips()).extracting(ClipInfo::id).containsExactly("b.mp4");
        assertThat(lineOf(Files.readString(source.report().skippedList()), "a.avi"))
                .contains("too short: 164 frames, the sampler needs 201");
    }

    @Test
    void kineticsReadsOneSplit() throws IOException {
        Path root = data.resolve("kinetics400");
        MediaFixtures.copy(TestData.sharedVideos().resolve("tests_data_test.avi"), root.resolve("train/catch/a.avi"));
        MediaFixtures.copy(TestData.sharedVideos().resolve("tests_data_test.avi"), root.resolve("val/catch/b.avi"));
        ComponentContext context =
                TestData.context(0, data)
                        .with(ModelGeometry.class, ModelGeometry.pairs(32, 8))
                        .with(IndexSettings.class, new IndexSettings(cache));
        ClipSource source =
                TestData.REGISTRY.create(
                        ComponentKind.CLIP_SOURCE,
                        ComponentSpec.named("kinetics", Map.of("root", "kinetics400", "split", "val")),
                        context);

        assertThat(source.clips()).extracting(ClipInfo::id).containsExactly("catch/b.avi");
        assertThat(source.describe()).isEqualTo("kinetics split " + root.resolve("val"));
    }

    @Test
    void sharedFolderIsNeverWritten() throws IOException {
        Path videos = TestData.sharedVideos();
        IndexedSource source = source(videos);

        assertThat(source.clips()).hasSize(4);
        assertThat(source.report().indexFile().getParent()).isEqualTo(cache);
        try (Stream<Path> files = Files.list(videos)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("siammae"));
        }
    }
}
