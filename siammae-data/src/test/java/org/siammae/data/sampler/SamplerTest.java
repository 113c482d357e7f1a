package org.siammae.data.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.siammae.api.data.ClipInfo;

class SamplerTest {

    private static final int DRAWS = 20_000;

    private static ClipInfo clip(int frames, double fps) {
        return new ClipInfo("clip", "clip.mp4", frames, fps, 64, 64);
    }

    @Test
    void randomGapStaysInRangeAndCoversIt() {
        RandomGapSampler.Options options = new RandomGapSampler.Options();
        RandomGapSampler sampler = new RandomGapSampler(options);
        ClipInfo clip = clip(300, 30);
        Random random = new Random(1);
        Set<Integer> gaps = new TreeSet<>();
        for (int i = 0; i < DRAWS; i++) {
            int[] pair = sampler.sample(clip, random);
            assertThat(pair).hasSize(2);
            assertThat(pair[0]).isBetween(0, 299);
            assertThat(pair[1]).isBetween(0, 299);
            gaps.add(pair[1] - pair[0]);
        }
        // Default range 4..48: every one of its 45 gaps appears, nothing outside it.
        assertThat(gaps).hasSize(45);
        assertThat(gaps).first().isEqualTo(4);
        assertThat(gaps).last().isEqualTo(48);
    }

    @Test
    void randomGapShortClipDrawsGapsItHolds() {
        RandomGapSampler sampler = new RandomGapSampler(new RandomGapSampler.Options());
        ClipInfo clip = clip(10, 30);
        Random random = new Random(2);
        Set<Integer> gaps = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            int[] pair = sampler.sample(clip, random);
            assertThat(pair[1]).isLessThan(10);
            gaps.add(pair[1] - pair[0]);
        }
        assertThat(gaps).containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(sampler.minimumFrames(clip)).isEqualTo(5);
    }

    @Test
    void randomGapFirstFrameCoversClip() {
        RandomGapSampler sampler = new RandomGapSampler(new RandomGapSampler.Options());
        ClipInfo clip = clip(60, 30);
        Random random = new Random(3);
        Set<Integer> firsts = new TreeSet<>();
        Set<Integer> lasts = new TreeSet<>();
        for (int i = 0; i < DRAWS; i++) {
            int[] pair = sampler.sample(clip, random);
            firsts.add(pair[0]);
            lasts.add(pair[1]);
        }
        assertThat(firsts).first().isEqualTo(0);
        assertThat(lasts).last().isEqualTo(59);
    }

    @Test
    void gapFpsKeepsDurations() {
        RandomGapSampler.Options options = new RandomGapSampler.Options();
        options.gapFps = 30;
        RandomGapSampler sampler = new RandomGapSampler(options);
        ClipInfo clip = clip(600, 60);
        Random random = new Random(4);
        Set<Integer> gaps = new TreeSet<>();
        for (int i = 0; i < DRAWS; i++) {
            int[] pair = sampler.sample(clip, random);
            gaps.add(pair[1] - pair[0]);
        }
        // 4..48 frames at 30 fps are 8..96 frames at 60 fps.
        assertThat(gaps).first().isEqualTo(8);
        assertThat(gaps).last().isEqualTo(96);
        assertThat(sampler.minimumFrames(clip)).isEqualTo(9);
    }

    @Test
    void fixedGapIsExact() {
        FixedGapSampler.Options options = new FixedGapSampler.Options();
        options.gap = 7;
        FixedGapSampler sampler = new FixedGapSampler(options);
        ClipInfo clip = clip(20, 30);
        Random random = new Random(5);
        Set<Integer> firsts = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            int[] pair = sampler.sample(clip, random);
            assertThat(pair[1] - pair[0]).isEqualTo(7);
            firsts.add(pair[0]);
        }
        assertThat(firsts).first().isEqualTo(0);
        assertThat(firsts).last().isEqualTo(12);
        assertThat(sampler.minimumFrames(clip)).isEqualTo(8);
    }

    @Test
    void multiFrameReturnsAscendingContextThenTarget() {
        MultiFrameSampler.Options options = new MultiFrameSampler.Options();
        options.contextFrames = 3;
        options.contextStride = 2;
        options.minGap = 5;
        options.maxGap = 9;
        MultiFrameSampler sampler = new MultiFrameSampler(options);
        ClipInfo clip = clip(100, 30);
        Random random = new Random(6);
        Set<Integer> gaps = new TreeSet<>();
        for (int i = 0; i < 5000; i++) {
            int[] indices = sampler.sample(clip, random);
            assertThat(indices).hasSize(4);
            assertThat(indices[1] - indices[0]).isEqualTo(2);
            assertThat(indices[2] - indices[1]).isEqualTo(2);
            assertThat(indices[3]).isLessThan(100);
            gaps.add(indices[3] - indices[2]);
        }
        assertThat(gaps).containsExactly(5, 6, 7, 8, 9);
        assertThat(sampler.framesPerSample()).isEqualTo(4);
        // 2 strides of 2 plus the smallest gap of 5, plus one frame.
        assertThat(sampler.minimumFrames(clip)).isEqualTo(10);
    }
}
