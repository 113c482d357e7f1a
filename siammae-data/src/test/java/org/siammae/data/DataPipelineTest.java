package org.siammae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.config.ConfigException;
import org.siammae.api.data.SampleBatch;
import org.siammae.api.model.ModelGeometry;

class DataPipelineTest {

    private static final ModelGeometry GEOMETRY = ModelGeometry.pairs(32, 8);

    @TempDir Path folder;

    private static Map<String, Object> synthetic(int workers) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("source", Map.of("name", "synthetic", "clips", 6, "frames", 24, "frame-size", 40));
        section.put("sampler", Map.of("name", "random-gap", "min-gap", 2, "max-gap", 8));
        section.put("batch-size", 4);
        section.put("workers", workers);
        section.put("queue-capacity", 2);
        return section;
    }

    private List<SampleBatch> batches(Map<String, Object> section, long seed, int count)
            throws Exception {
        try (DataPipeline pipeline =
                DataPipeline.open(TestData.settings(section), GEOMETRY, TestData.context(seed, folder))) {
            List<SampleBatch> batches = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                batches.add(pipeline.next());
            }
            return batches;
        }
    }

    @Test
    void batchesHaveModelLayout() throws Exception {
        SampleBatch batch = batches(synthetic(2), 0, 1).get(0);

        assertThat(batch.shape()).containsExactly(4, 2, 3, 32, 32);
        // Normalised with ImageNet statistics: values leave [0, 1].
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : batch.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isLessThan(-0.5f);
        assertThat(max).isGreaterThan(1.1f);
    }

    @Test
    void sameSeedGivesSameBatches() throws Exception {
        List<SampleBatch> first = batches(synthetic(2), 5, 7);
        List<SampleBatch> second = batches(synthetic(2), 5, 7);
        List<SampleBatch> inline = batches(synthetic(0), 5, 7);
        List<SampleBatch> three = batches(synthetic(3), 5, 7);

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).values()).as("batch %d, 2 workers again", i)
                    .containsExactly(first.get(i).values());
            assertThat(inline.get(i).values()).as("batch %d, no workers", i)
                    .containsExactly(first.get(i).values());
            assertThat(three.get(i).values()).as("batch %d, 3 workers", i)
                    .containsExactly(first.get(i).values());
        }
    }

    @Test
    void differentSeedsGiveDifferentBatches() throws Exception {
        SampleBatch a = batches(synthetic(2), 1, 1).get(0);
        SampleBatch b = batches(synthetic(2), 2, 1).get(0);

        assertThat(b.values()).isNotEqualTo(a.values());
    }

    @Test
    void epochsAdvanceAndReshuffle() throws Exception {
        // 6 clips, 2 clips per batch: 3 batches per epoch.
        try (DataPipeline pipeline =
                DataPipeline.open(
                        TestData.settings(synthetic(2)), GEOMETRY, TestData.context(3, folder))) {
            assertThat(pipeline.batchesPerEpoch()).isEqualTo(3);
            int[] epochs = new int[7];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = pipeline.next().epoch();
            }
            assertThat(epochs).containsExactly(0, 0, 0, 1, 1, 1, 2);
            assertThat(pipeline.provenance())
                    .containsEntry("clips", 6)
                    .containsEntry("skipped", 0)
                    .containsKey("index-fingerprint");
        }
    }

    @Test
    void repeatedSamplesShareClip() throws Exception {
        // Without augmentations, the two samples of one clip show the same synthetic scene, so
        // their frames come from one clip: background panning aside, they are much closer to each
        // other than to the samples of the other clip.
        Map<String, Object> section = synthetic(1);
        section.put("augmentations", List.of());
        section.put("source", Map.of("name", "synthetic", "clips", 6, "frames", 24, "speed", 0.0));
        SampleBatch batch = batches(section, 4, 1).get(0);
        int sample = 2 * 3 * 32 * 32;
        float[] v = batch.values();
        double sameClip = distance(v, 0, sample, sample);
        double otherClip = distance(v, 0, 2 * sample, sample);
        assertThat(sameClip).isLessThan(1e-6);
        assertThat(otherClip).isGreaterThan(1e-3);
    }

    private static double distance(float[] values, int a, int b, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double d = values[a + i] - values[b + i];
            sum += d * d;
        }
        return sum / length;
    }

    @Test
    void sharedVideosBatchIdenticallyAcrossWorkers() throws Exception {
        Path videos = TestData.sharedVideos();
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("source", Map.of("name", "video-folder", "root", videos.toString()));
        section.put("batch-size", 4);
        section.put("cache-dir", folder.resolve("cache").toString());
        section.put("workers", 2);
        List<SampleBatch> threaded = batches(section, 9, 3);
        section.put("workers", 0);
        List<SampleBatch> inline = batches(section, 9, 3);

        for (int i = 0; i < threaded.size(); i++) {
            SampleBatch batch = threaded.get(i);
            assertThat(batch.shape()).containsExactly(4, 2, 3, 32, 32);
            assertThat(inline.get(i).values()).as("batch %d", i).containsExactly(batch.values());
            int frame = 3 * 32 * 32;
            for (int f = 0; f < 8; f++) {
                double sum = 0;
                double squares = 0;
                for (int k = f * frame; k < (f + 1) * frame; k++) {
                    sum += batch.values()[k];
                    squares += batch.values()[k] * batch.values()[k];
                }
                double mean = sum / frame;
                double deviation = Math.sqrt(squares / frame - mean * mean);
                assertThat(deviation).as("batch %d frame %d contrast", i, f).isGreaterThan(0.1);
            }
        }
    }

    @Test
    void multiFrameSamplesHaveContextAndTarget() throws Exception {
        Map<String, Object> section = synthetic(2);
        section.put(
                "sampler",
                Map.of("name", "multi-frame", "context-frames", 2, "context-stride", 2, "min-gap", 2,
                        "max-gap", 6));
        ModelGeometry geometry = new ModelGeometry(32, 32, 8, 3, 3);
        try (DataPipeline pipeline =
                DataPipeline.open(TestData.settings(section), geometry, TestData.context(0, folder))) {
            assertThat(pipeline.next().shape()).containsExactly(4, 3, 3, 32, 32);
        }
    }

    @Test
    void failingClipsAreReplaced() throws Exception {
        Map<String, Object> section = synthetic(2);
        section.put("source", Map.of("name", "flaky", "clips", 6, "frames", 24, "frame-size", 40));
        List<SampleBatch> threaded;
        List<SampleBatch> inline;
        long failures;
        try (DataPipeline pipeline = open(section)) {
            threaded = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                threaded.add(pipeline.next());
            }
        }
        section.put("workers", 0);
        try (DataPipeline pipeline = open(section)) {
            inline = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                inline.add(pipeline.next());
            }
            failures = pipeline.decodeFailures();
        }

        // 6 batches of 2 clips visit each of the 6 clips twice, and clips 1 and 4 always fail.
        // A replacement can be the other failing clip, which fails again.
        assertThat(failures).isBetween(4L, 8L);
        for (int i = 0; i < threaded.size(); i++) {
            assertThat(inline.get(i).values()).as("batch %d", i).containsExactly(threaded.get(i).values());
        }
    }

    private DataPipeline open(Map<String, Object> section) throws java.io.IOException {
        return DataPipeline.open(
                TestData.settings(section, FlakySource.PLUGIN), GEOMETRY, TestData.context(7, folder, FlakySource.PLUGIN));
    }

    @Test
    void samplerFrameCountMustMatchModel() {
        Map<String, Object> section = synthetic(1);
        section.put("sampler", Map.of("name", "multi-frame", "context-frames", 2));

        assertThatThrownBy(
                        () -> DataPipeline.open(
                                TestData.settings(section), GEOMETRY, TestData.context(0, folder)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("draws 3 frames per sample, but the model reads 2");
    }

    @Test
    void tooShortClipsLeaveNothingToTrainOn() {
        Map<String, Object> section = synthetic(1);
        section.put("source", Map.of("name", "synthetic", "clips", 3, "frames", 2));

        assertThatThrownBy(
                        () -> DataPipeline.open(
                                TestData.settings(section), GEOMETRY, TestData.context(0, folder)))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("synthetic")
                .hasMessageContaining("3 clips listed");
    }
}
