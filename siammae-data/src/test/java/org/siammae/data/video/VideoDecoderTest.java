package org.siammae.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.siammae.api.data.FrameStack;
import org.siammae.data.MediaFixtures;
import org.siammae.data.TestData;

class VideoDecoderTest {

    /** Lists the shared clips with the size and frame count their README states. */
    static Stream<Object[]> sharedClips() {
        return Stream.of(
                new Object[] {"demo_kinetics400_armwrestling.mp4", 340, 256, 280},
                new Object[] {"tests_data_test.mp4", 340, 256, 300},
                new Object[] {"test_video_structuralize.mp4", 426, 240, 300},
                new Object[] {"tests_data_test.avi", 320, 240, 164});
    }

    private static Path videos() {
        return TestData.sharedVideos();
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double standardDeviation(float[] values) {
        double mean = mean(values);
        double sum = 0;
        for (float v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    @ParameterizedTest
    @MethodSource("sharedClips")
    void probeReadsStatedMetadata(String name, int width, int height, int frames) throws IOException {
        VideoProbe.Metadata metadata = VideoProbe.probe(videos().resolve(name), true);

        assertThat(metadata.width()).isEqualTo(width);
        assertThat(metadata.height()).isEqualTo(height);
        assertThat(metadata.frames()).isEqualTo(frames);
        assertThat(metadata.exactFrameCount()).isTrue();
        assertThat(metadata.fps()).isBetween(24.0, 31.0);
    }

    @ParameterizedTest
    @MethodSource("sharedClips")
    void framesHaveSizeAndContent(String name, int width, int height, int frames) throws IOException {
        Path clip = videos().resolve(name);
        VideoProbe.Metadata metadata = VideoProbe.probe(clip, false);
        int[] indices = {0, frames / 3, frames / 3 + 20, frames - 1};
        try (VideoDecoder decoder = VideoDecoder.open(clip, metadata.fps(), 96, 72, 1)) {
            FrameStack stack = decoder.read(indices);

            assertThat(stack.size()).isEqualTo(4);
            assertThat(stack.width()).isEqualTo(96);
            assertThat(stack.height()).isEqualTo(72);
            for (int i = 0; i < stack.size(); i++) {
                float[] frame = stack.frames().get(i);
                assertThat(mean(frame)).as("%s frame %d mean", name, indices[i]).isBetween(0.05, 0.95);
                assertThat(standardDeviation(frame))
                        .as("%s frame %d contrast", name, indices[i])
                        .isGreaterThan(0.05);
            }
            assertThat(stack.frames().get(1)).as("frames a third in and 20 later differ")
                    .isNotEqualTo(stack.frames().get(2));
        }
    }

    /**
     * Converts at the stored size, where swscale's SIMD converters write past the last row: a
     * buffer without slack corrupts the native heap here, which aborts the JVM.
     */
    @ParameterizedTest
    @MethodSource("sharedClips")
    void storedSizeDecodesRepeatedly(String name, int width, int height, int frames) throws IOException {
        Path clip = videos().resolve(name);
        double fps = VideoProbe.probe(clip, false).fps();
        for (int round = 0; round < 10; round++) {
            try (VideoDecoder decoder = VideoDecoder.open(clip, fps, width, height, 1)) {
                FrameStack stack = decoder.read(new int[] {0, 5, 60});
                assertThat(stack.width()).isEqualTo(width);
                assertThat(stack.height()).isEqualTo(height);
            }
        }
    }

    /**
     * Seeking and skipping non-reference frames must give the very frames that decoding every
     * frame from the start gives.
     */
    @ParameterizedTest
    @MethodSource("sharedClips")
    void seekingMatchesSequentialDecoding(String name, int width, int height, int frames)
            throws IOException {
        Path clip = videos().resolve(name);
        double fps = VideoProbe.probe(clip, false).fps();
        int[] all = new int[frames];
        Arrays.setAll(all, i -> i);
        List<float[]> sequential;
        try (VideoDecoder decoder = VideoDecoder.open(clip, fps, 24, 16, 1)) {
            sequential = decoder.read(all).frames();
        }
        Random random = new Random(11);
        for (int trial = 0; trial < 6; trial++) {
            int first = random.nextInt(frames - 50);
            int[] pair = {first, first + 4 + random.nextInt(45)};
            int[] reversed = {pair[1], pair[0]};
            try (VideoDecoder decoder = VideoDecoder.open(clip, fps, 24, 16, 1)) {
                FrameStack forward = decoder.read(pair);
                FrameStack backward = decoder.read(reversed);
                for (int k = 0; k < 2; k++) {
                    assertThat(forward.frames().get(k))
                            .as("%s frame %d", name, pair[k])
                            .containsExactly(sequential.get(pair[k]));
                    assertThat(backward.frames().get(k))
                            .as("%s frame %d after a backward seek", name, reversed[k])
                            .containsExactly(sequential.get(reversed[k]));
                }
            }
        }
    }

    @Test
    void vp9WebmSeeksLikeSequentialDecoding(@TempDir Path folder) throws IOException {
        Path clip = MediaFixtures.vp9Clip(folder.resolve("moving.webm"), 40);
        VideoProbe.Metadata metadata = VideoProbe.probe(clip, true);

        // WebM states a duration, not a frame count: the probe counts 40 frames from the packets.
        assertThat(metadata.frames()).isEqualTo(40);
        assertThat(metadata.exactFrameCount()).isTrue();
        assertThat(metadata.width()).isEqualTo(64);
        int[] all = new int[40];
        Arrays.setAll(all, i -> i);
        List<float[]> sequential;
        try (VideoDecoder decoder = VideoDecoder.open(clip, metadata.fps(), 64, 48, 1)) {
            sequential = decoder.read(all).frames();
        }
        int[][] requests = {{5, 27}, {39}, {33, 2}, {10, 11, 12}};
        for (int[] request : requests) {
            try (VideoDecoder decoder = VideoDecoder.open(clip, metadata.fps(), 64, 48, 1)) {
                FrameStack frames = decoder.read(request);
                for (int k = 0; k < request.length; k++) {
                    assertThat(frames.frames().get(k)).as("frame %d", request[k])
                            .containsExactly(sequential.get(request[k]));
                }
            }
        }
        // The square moves one pixel per frame: consecutive frames differ.
        assertThat(sequential.get(11)).isNotEqualTo(sequential.get(10));
    }

    @Test
    void webmCutShortCountsFramesItHas(@TempDir Path folder) throws IOException {
        Path whole = MediaFixtures.vp9Clip(folder.resolve("whole.webm"), 40);
        Path cut = MediaFixtures.truncatedCopy(whole, folder.resolve("cut.webm"), 0.5);

        VideoProbe.Metadata estimated = VideoProbe.probe(cut, false, false);
        VideoProbe.Metadata counted = VideoProbe.probe(cut, false, true);

        // The header still states the whole clip's 1.6 s, so duration x fps claims all 40 frames.
        assertThat(estimated.frames()).isEqualTo(40);
        assertThat(estimated.exactFrameCount()).isFalse();
        assertThat(counted.exactFrameCount()).isTrue();
        assertThat(counted.frames()).isBetween(2, 39);
        // Every counted frame decodes; the one after the last does not.
        try (VideoDecoder decoder = VideoDecoder.open(cut, counted.fps(), 64, 48, 1)) {
            assertThat(decoder.read(new int[] {counted.frames() - 1}).frames()).hasSize(1);
        }
        try (VideoDecoder decoder = VideoDecoder.open(cut, counted.fps(), 64, 48, 1)) {
            assertThatThrownBy(() -> decoder.read(new int[] {counted.frames()})).isInstanceOf(IOException.class);
        }
    }

    @Test
    void frameBeyondEndIsReported() throws IOException {
        Path clip = videos().resolve("tests_data_test.avi");
        try (VideoDecoder decoder = VideoDecoder.open(clip, 25, 32, 24, 1)) {
            assertThatThrownBy(() -> decoder.read(new int[] {170}))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("tests_data_test.avi ended before frame 170");
        }
    }
}
