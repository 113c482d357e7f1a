package org.siammae.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameReader;
import org.siammae.api.data.FrameStack;
import org.siammae.api.model.ModelGeometry;
import org.siammae.data.TestData;

class SyntheticSourceTest {

    private static SyntheticSource source(long seed) {
        SyntheticSource.Options options = new SyntheticSource.Options();
        options.clips = 4;
        options.frames = 16;
        options.seed = seed;
        return new SyntheticSource(
                options,
                TestData.context(0, Path.of(".")).with(ModelGeometry.class, ModelGeometry.pairs(48, 8)));
    }

    private static FrameStack read(SyntheticSource source, int clip, int... frames) throws Exception {
        ClipInfo info = source.clips().get(clip);
        try (FrameReader reader = source.open(info)) {
            return reader.read(frames);
        }
    }

    private static double meanSquaredDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum / a.length;
    }

    private static double standardDeviation(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (float v : values) {
            variance += (v - mean) * (v - mean);
        }
        return Math.sqrt(variance / values.length);
    }

    @Test
    void framesAreTexturedAndMove() throws Exception {
        SyntheticSource source = source(0);
        List<ClipInfo> clips = source.clips();
        assertThat(clips).hasSize(4);
        assertThat(clips.get(0).width()).isEqualTo(48);

        for (int clip = 0; clip < clips.size(); clip++) {
            FrameStack frames = read(source, clip, 0, 1, 8);
            assertThat(frames.height()).isEqualTo(48);
            for (float[] frame : frames.frames()) {
                assertThat(standardDeviation(frame)).as("clip %d contrast", clip).isGreaterThan(0.05);
                for (float v : frame) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
            double step = meanSquaredDifference(frames.frames().get(0), frames.frames().get(1));
            double gap = meanSquaredDifference(frames.frames().get(0), frames.frames().get(2));
            assertThat(step).as("clip %d changes in one frame", clip).isGreaterThan(1e-5);
            assertThat(gap).as("clip %d changes more over 8 frames", clip).isGreaterThan(step);
        }
    }

    @Test
    void seedDeterminesContent() throws Exception {
        float[] a = read(source(3), 1, 5).frames().get(0);
        float[] b = read(source(3), 1, 5).frames().get(0);
        float[] c = read(source(4), 1, 5).frames().get(0);
        float[] otherClip = read(source(3), 2, 5).frames().get(0);

        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
        assertThat(otherClip).isNotEqualTo(a);
    }

    @Test
    void bounceStaysInRange() {
        assertThat(SyntheticScene.bounce(5, 0, 10)).isEqualTo(5);
        assertThat(SyntheticScene.bounce(13, 0, 10)).isEqualTo(7);
        assertThat(SyntheticScene.bounce(-3, 0, 10)).isEqualTo(3);
        assertThat(SyntheticScene.bounce(25, 0, 10)).isEqualTo(5);
    }
}
