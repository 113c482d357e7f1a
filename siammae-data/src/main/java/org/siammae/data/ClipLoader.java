package org.siammae.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.siammae.api.data.Augmentation;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.ClipSource;
import org.siammae.api.data.FrameReader;
import org.siammae.api.data.FrameSampler;
import org.siammae.api.data.FrameStack;
import org.siammae.api.model.ModelGeometry;
import org.siammae.data.augment.CropBox;
import org.siammae.data.augment.Resampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one clip task into r samples: picks the task's clip, draws r frame sets, decodes their
 * union in one pass, augments each sample and writes it into its batch slot. Runs on worker threads
 * and uses plain Java arrays only.
 *
 * <p>Clip task {@code g} is position {@code g mod N} of epoch {@code g / N}. All its random draws
 * come from a generator seeded with the data seed, {@code g} and the candidate number, so the
 * content of a task never depends on which thread runs it or when.
 *
 * <p>A clip that fails to decode is replaced by the next clip of the epoch order (candidate 1, 2,
 * ...). Failures are not remembered across tasks. A failure may depend on the frames drawn, and
 * skipping remembered clips would make batches depend on thread timing. A broken clip therefore
 * costs one failed open per visit.
 */
final class ClipLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ClipLoader.class);

    /** Candidates a task tries before it gives up and fails its batch. */
    static final int MAX_CANDIDATES = 16;

    private final ClipSource source;
    private final List<ClipInfo> clips;
    private final FrameSampler sampler;
    private final List<Augmentation> augmentations;
    private final ModelGeometry geometry;
    private final int repeats;
    private final long seed;
    private final EpochOrder order;
    private final Set<String> reportedClips = ConcurrentHashMap.newKeySet();
    private final AtomicLong failures = new AtomicLong();

    ClipLoader(
            ClipSource source,
            List<ClipInfo> clips,
            FrameSampler sampler,
            List<Augmentation> augmentations,
            ModelGeometry geometry,
            int repeats,
            long seed) {
        this.source = source;
        this.clips = List.copyOf(clips);
        this.sampler = sampler;
        this.augmentations = List.copyOf(augmentations);
        this.geometry = geometry;
        this.repeats = repeats;
        this.seed = seed;
        this.order = new EpochOrder(clips.size(), seed);
    }

    /** Returns the clips per epoch, N. */
    int clipCount() {
        return clips.size();
    }

    /** Returns how many clip reads have failed so far. */
    long failures() {
        return failures.get();
    }

    /** Returns the values of one sample: T x C x H x W. */
    int sampleValues() {
        return geometry.frames() * geometry.channels() * geometry.imageHeight() * geometry.imageWidth();
    }

    /**
     * Fills the r samples of one clip task.
     *
     * @param task the global clip-task index g
     * @param values the batch's values
     * @param firstSample the batch position of the task's first sample
     * @throws IOException if {@link #MAX_CANDIDATES} clips in a row fail to decode
     */
    void fill(long task, float[] values, int firstSample) throws IOException {
        long epoch = task / clips.size();
        long position = task % clips.size();
        IOException last = null;
        int candidates = Math.min(MAX_CANDIDATES, clips.size());
        for (int candidate = 0; candidate < candidates; candidate++) {
            ClipInfo clip = clips.get(order.clipAt(epoch, position + candidate));
            Random random = new Random(Seeds.derive(seed, task, candidate));
            try {
                List<FrameStack> samples = load(clip, random);
                for (int j = 0; j < samples.size(); j++) {
                    write(samples.get(j), values, (firstSample + j) * sampleValues());
                }
                return;
            } catch (IOException e) {
                failures.incrementAndGet();
                last = e;
                if (reportedClips.add(clip.id())) {
                    LOG.warn("Skipping a sample of clip {}: {}", clip.id(), e.getMessage());
                }
            }
        }
        throw new IOException(
                candidates + " clips in a row failed to decode; the last error: " + last.getMessage(),
                last);
    }

    /** Decodes and augments the r samples of one clip. */
    List<FrameStack> load(ClipInfo clip, Random random) throws IOException {
        int[][] indices = new int[repeats][];
        for (int j = 0; j < repeats; j++) {
            indices[j] = sampler.sample(clip, random);
        }
        int[] union = Arrays.stream(indices).flatMapToInt(Arrays::stream).sorted().distinct().toArray();
        FrameStack decoded;
        try (FrameReader reader = source.open(clip)) {
            decoded = reader.read(union);
        }
        if (decoded.size() != union.length) {
            throw new IOException(
                    "clip " + clip.id() + " returned " + decoded.size() + " frames for "
                            + union.length + " requested");
        }
        List<FrameStack> samples = new ArrayList<>(repeats);
        for (int j = 0; j < repeats; j++) {
            List<float[]> frames = new ArrayList<>(indices[j].length);
            for (int index : indices[j]) {
                frames.add(decoded.frames().get(Arrays.binarySearch(union, index)));
            }
            FrameStack sample =
                    new FrameStack(frames, decoded.channels(), decoded.height(), decoded.width());
            for (Augmentation augmentation : augmentations) {
                sample = augmentation.apply(sample, random);
            }
            samples.add(fitToGeometry(sample, clip));
        }
        return samples;
    }

    /** Resizes whole frames to the model's size when the augmentations left another size. */
    private FrameStack fitToGeometry(FrameStack sample, ClipInfo clip) {
        if (sample.channels() != geometry.channels()) {
            throw new IllegalStateException(
                    "clip " + clip.id() + " gives " + sample.channels() + " channels, the model reads "
                            + geometry.channels());
        }
        if (sample.size() != geometry.frames()) {
            throw new IllegalStateException(
                    "a sample of clip " + clip.id() + " has " + sample.size() + " frames, the model"
                            + " reads " + geometry.frames());
        }
        int height = geometry.imageHeight();
        int width = geometry.imageWidth();
        if (sample.height() == height && sample.width() == width) {
            return sample;
        }
        Resampler plan =
                Resampler.plan(
                        sample.height(),
                        sample.width(),
                        CropBox.whole(sample.height(), sample.width()),
                        height,
                        width,
                        true);
        List<float[]> frames = new ArrayList<>(sample.size());
        for (float[] frame : sample.frames()) {
            frames.add(plan.apply(frame, sample.channels()));
        }
        return new FrameStack(frames, sample.channels(), height, width);
    }

    private static void write(FrameStack sample, float[] values, int offset) {
        int frameValues = sample.channels() * sample.height() * sample.width();
        for (int t = 0; t < sample.size(); t++) {
            System.arraycopy(sample.frames().get(t), 0, values, offset + t * frameValues, frameValues);
        }
    }
}
