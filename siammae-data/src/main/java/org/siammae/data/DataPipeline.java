package org.siammae.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigException;
import org.siammae.api.data.Augmentation;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.ClipSource;
import org.siammae.api.data.FrameSampler;
import org.siammae.api.data.SampleBatch;
import org.siammae.api.model.ModelGeometry;
import org.siammae.data.index.IndexSettings;
import org.siammae.data.index.ScanReport;
import org.siammae.data.source.IndexedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training data stream: an endless sequence of {@link SampleBatch}es, epoch after epoch, with
 * the clips reshuffled every epoch.
 *
 * <p>Each decoded clip yields r samples (repeated sampling); a batch of B samples contains B / r
 * clips. Background workers decode and augment clips into plain float arrays; the training thread
 * turns a batch into an NDArray. Batches have layout (B, T, C, H, W) at the model's image size and
 * hold normalised values when the augmentations end with {@code normalize}.
 *
 * <p>The same run seed gives the same batches in the same order for any worker count: clip task
 * {@code g} draws from a generator seeded with the {@code data} stream seed and {@code g}.
 */
public final class DataPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataPipeline.class);

    private final ClipSource source;
    private final BatchQueue batches;
    private final ClipLoader loader;
    private final int clipCount;
    private final int batchesPerEpoch;
    private final Map<String, Object> provenance;

    private DataPipeline(
            ClipSource source, ClipLoader loader, BatchQueue batches, int clipCount,
            int batchesPerEpoch, Map<String, Object> provenance) {
        this.source = source;
        this.loader = loader;
        this.batches = batches;
        this.clipCount = clipCount;
        this.batchesPerEpoch = batchesPerEpoch;
        this.provenance = provenance;
    }

    /**
     * Builds the components, indexes the clips and starts the workers.
     *
     * @param settings the {@code data} section
     * @param geometry the model's input layout; frames come out at its image size, and its frame
     *     count must equal the sampler's
     * @param context the registry, the run's random streams and the base folder
     * @throws IOException if the source cannot be read or has no usable clip; the message names it
     * @throws ConfigException if a component cannot be built from its options, or the sampler's
     *     frame count differs from the model's
     */
    public static DataPipeline open(
            DataSettings settings, ModelGeometry geometry, ComponentContext context)
            throws IOException {
        ComponentRegistry registry = context.registry();
        ComponentContext base =
                context.with(ModelGeometry.class, geometry)
                        .with(IndexSettings.class, settings.indexSettings(context));
        FrameSampler sampler = registry.create(ComponentKind.FRAME_SAMPLER, settings.sampler(), base);
        if (sampler.framesPerSample() != geometry.frames()) {
            ComponentSpec spec = settings.sampler();
            throw new ConfigException(
                    spec.location()
                            .problem(
                                    spec.keyPath(),
                                    "sampler '" + spec.name() + "' draws " + sampler.framesPerSample()
                                            + " frames per sample, but the model reads "
                                            + geometry.frames()));
        }
        ComponentContext sourceContext = base.with(FrameSampler.class, sampler);
        ClipSource source = registry.create(ComponentKind.CLIP_SOURCE, settings.source(), sourceContext);
        List<Augmentation> augmentations = new ArrayList<>();
        for (ComponentSpec spec : settings.augmentations()) {
            augmentations.add(registry.create(ComponentKind.AUGMENTATION, spec, base));
        }
        if (settings.augmentations().stream().noneMatch(spec -> spec.name().equals("normalize"))) {
            LOG.warn("The data augmentations do not include 'normalize': batches hold values in [0, 1]");
        }

        List<ClipInfo> listed = source.clips();
        List<ClipInfo> clips = new ArrayList<>(listed.size());
        int tooShort = 0;
        for (ClipInfo clip : listed) {
            if (clip.frameCount() >= sampler.minimumFrames(clip)) {
                clips.add(clip);
            } else {
                tooShort++;
                LOG.warn(
                        "Skipping clip {}: {} frames, the sampler needs {}",
                        clip.id(), clip.frameCount(), sampler.minimumFrames(clip));
            }
        }
        if (clips.isEmpty()) {
            throw new IOException(
                    source.describe() + " has no clip with the "
                            + (listed.isEmpty() ? "" : sampler.minimumFrames(listed.get(0)) + " ")
                            + "frames the sampler needs (" + listed.size() + " clips listed)");
        }

        long seed = context.random().streamSeed("data");
        int clipsPerBatch = settings.batchSize() / settings.repeatedSampling();
        int batchesPerEpoch = Math.max(1, clips.size() / clipsPerBatch);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", source.describe());
        provenance.put("clips", clips.size());
        if (source instanceof IndexedSource indexed) {
            ScanReport report = indexed.report();
            provenance.put("skipped", report.skipped() + tooShort);
            provenance.put("index-fingerprint", report.fingerprint());
            provenance.put("index-file", report.indexFile() == null ? null : report.indexFile().toString());
            provenance.put(
                    "skipped-list", report.skippedList() == null ? null : report.skippedList().toString());
        } else {
            provenance.put("skipped", tooShort);
            provenance.put("index-fingerprint", fingerprint(source.describe(), clips));
        }
        provenance.put("batches-per-epoch", batchesPerEpoch);
        provenance.put("settings", settings.toMap());

        ClipLoader loader =
                new ClipLoader(
                        source, clips, sampler, augmentations, geometry, settings.repeatedSampling(),
                        seed);
        BatchQueue batches =
                new BatchQueue(
                        loader, geometry, settings.batchSize(), settings.repeatedSampling(),
                        settings.queueCapacity(), settings.workers());
        LOG.info(
                "Data: {} clips from {} ({} skipped); {} batches of {} samples per epoch, {} workers",
                clips.size(), source.describe(), provenance.get("skipped"), batchesPerEpoch,
                settings.batchSize(), settings.workers());
        return new DataPipeline(source, loader, batches, clips.size(), batchesPerEpoch, provenance);
    }

    /**
     * Returns the next batch, waiting for the workers if it is not ready.
     *
     * @throws IOException if the batch could not be assembled, for example because many clips in
     *     a row failed to decode. Later calls go on with the following batch
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public SampleBatch next() throws IOException, InterruptedException {
        return batches.take();
    }

    /**
     * Returns the batches per epoch: usable clips / (B / r), rounded down, at least 1. Batches run
     * on across epoch boundaries, so a batch can mix the end of one epoch with the start of the
     * next.
     */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Returns the number of usable clips, N. */
    public int clipCount() {
        return clipCount;
    }

    /** Returns how many clip reads have failed since the pipeline opened. */
    public long decodeFailures() {
        return loader.failures();
    }

    /**
     * Returns what the run trains on, for the run's records: the source description, usable and
     * skipped clip counts, the index fingerprint and the data settings.
     */
    public Map<String, Object> provenance() {
        Map<String, Object> copy = new LinkedHashMap<>(provenance);
        copy.put("decode-failures", loader.failures());
        return copy;
    }

    /** Returns the clip source. */
    public ClipSource source() {
        return source;
    }

    /** Stops the workers; batches not yet taken are dropped. */
    @Override
    public void close() {
        batches.close();
    }

    /** Returns a SHA-256 hex digest of a source description and its clip list. */
    static String fingerprint(String description, List<ClipInfo> clips) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        digest.update(description.getBytes(StandardCharsets.UTF_8));
        for (ClipInfo clip : clips) {
            String line =
                    String.format(
                            Locale.ROOT, "\n%s,%d,%.6f,%d,%d", clip.id(), clip.frameCount(), clip.fps(),
                            clip.width(), clip.height());
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
