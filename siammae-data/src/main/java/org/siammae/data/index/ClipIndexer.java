package org.siammae.data.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameSampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the clip index of a source in one scan and keeps it up to date.
 *
 * <p>Files whose size and modification time match the stored index are not probed again, so a
 * second start over unchanged data costs a directory walk. New and changed files are probed in
 * parallel with progress logs; removed files drop out. Unusable clips (cannot be opened, no video
 * stream, too short for the sampler) are skipped with a one-line warning each when first found,
 * and all of them are listed with their reasons in a CSV file. A probe that throws an {@link
 * IOException} or a {@link RuntimeException} only marks its clip unusable. The scan fails only when
 * no usable clip remains.
 */
public final class ClipIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(ClipIndexer.class);

    /** Probes one candidate into a usable entry. */
    @FunctionalInterface
    public interface Prober {
        /**
         * Probes a candidate.
         *
         * @throws IOException with the reason the clip is unusable
         */
        IndexEntry probe(Candidate candidate) throws IOException;
    }

    /**
     * The usable clips and the scan's report.
     *
     * @param clips usable clips, sorted by path
     * @param report counts, fingerprint and files written
     */
    public record Outcome(List<ClipInfo> clips, ScanReport report) {}

    private final String description;
    private final String kind;
    private final String settings;
    private final IndexLocation preferred;
    private final IndexLocation fallback;
    private final FrameSampler sampler;
    private final int threads;

    /**
     * Creates an indexer.
     *
     * @param description the source, for messages (such as its root folder)
     * @param kind a short word for the source kind in file names ({@code video}, {@code frames})
     * @param settings the probe settings as one line; an index made with others is rebuilt
     * @param data the data folder or list file the index belongs to
     * @param indexSettings the cache folder for data folders that are not writable
     * @param sampler the sampler whose minimum frame count clips must reach, or null for none
     * @param threads probe threads, 1 or more
     */
    public ClipIndexer(
            String description,
            String kind,
            String settings,
            Path data,
            IndexSettings indexSettings,
            FrameSampler sampler,
            int threads) {
        this.description = description;
        this.kind = kind;
        this.settings = settings;
        this.preferred = IndexLocation.resolve(data, kind, indexSettings);
        this.fallback =
                IndexLocation.inCache(data.toAbsolutePath().normalize(), kind, indexSettings);
        this.sampler = sampler;
        this.threads = Math.max(1, threads);
    }

    /**
     * Indexes the candidates and returns the usable clips.
     *
     * @param candidates what the source's walk found
     * @param prober probes a new or changed candidate
     * @throws IOException if no candidate is usable; the message names the source and the list
     */
    public Outcome index(List<Candidate> candidates, Prober prober) throws IOException {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(Candidate::path));
        Map<String, IndexEntry> previous = readPrevious();

        List<IndexEntry> entries = new ArrayList<>(sorted.size());
        List<Integer> toProbe = new ArrayList<>();
        boolean[] probed = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Candidate candidate = sorted.get(i);
            IndexEntry known = previous.get(candidate.path());
            if (known != null
                    && known.size() == candidate.size()
                    && known.modified() == candidate.modified()) {
                entries.add(known);
            } else {
                entries.add(null);
                toProbe.add(i);
                probed[i] = true;
            }
        }
        probeAll(sorted, toProbe, entries, prober);
        int removed = previous.size() - (sorted.size() - toProbe.size());
        boolean changed = !toProbe.isEmpty() || removed > 0 || previous.isEmpty();

        IndexLocation location = preferred;
        if (changed) {
            location = writeIndex(entries);
        } else if (!Files.isRegularFile(preferred.indexFile())) {
            location = fallback;
        }

        List<ClipInfo> clips = new ArrayList<>();
        List<String[]> skipped = new ArrayList<>();
        int skippedEarlier = 0;
        for (int i = 0; i < entries.size(); i++) {
            IndexEntry entry = entries.get(i);
            Candidate candidate = sorted.get(i);
            if (!entry.usable()) {
                skipped.add(new String[] {entry.path(), entry.error()});
                if (!probed[i]) {
                    skippedEarlier++;
                }
                continue;
            }
            ClipInfo clip = entry.toClip(candidate.file().toString());
            int needed = sampler == null ? 1 : sampler.minimumFrames(clip);
            if (clip.frameCount() < needed) {
                String reason = "too short: " + clip.frameCount() + " frames, the sampler needs " + needed;
                LOG.warn("Skipping {}: {}", entry.path(), reason);
                skipped.add(new String[] {entry.path(), reason});
                continue;
            }
            clips.add(clip);
        }
        Path skippedList = writeSkipped(location, skipped);
        if (skippedEarlier > 0) {
            LOG.warn(
                    "Skipping unusable clips of {} found by an earlier scan: {}; reasons in {}",
                    description, skippedEarlier, skippedList);
        }
        if (!skipped.isEmpty()) {
            LOG.info("Skipped {} of {} clips of {}; list: {}", skipped.size(), sorted.size(), description,
                    skippedList);
        }
        ScanReport report =
                new ScanReport(
                        clips.size(),
                        skipped.size(),
                        toProbe.size(),
                        fingerprint(entries),
                        location.indexFile(),
                        skippedList);
        if (clips.isEmpty()) {
            throw new IOException(
                    "no usable clip in " + description + ": " + sorted.size() + " found, all skipped"
                            + (skippedList == null ? "" : " (reasons in " + skippedList + ")"));
        }
        LOG.info(
                "Indexed {}: {} usable clips, {} skipped, {} probed, {} reused from {}",
                description, clips.size(), skipped.size(), toProbe.size(),
                sorted.size() - toProbe.size(), location.indexFile());
        return new Outcome(List.copyOf(clips), report);
    }

    private Map<String, IndexEntry> readPrevious() {
        Map<String, IndexEntry> previous = new HashMap<>();
        for (IndexLocation location : List.of(preferred, fallback)) {
            try {
                Optional<List<IndexEntry>> entries = ClipIndexFile.read(location.indexFile(), settings);
                if (entries.isPresent()) {
                    for (IndexEntry entry : entries.get()) {
                        previous.put(entry.path(), entry);
                    }
                    return previous;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Ignoring the unreadable clip index {} and rebuilding it: {}",
                        location.indexFile(), e.getMessage());
            }
        }
        return previous;
    }

    private void probeAll(
            List<Candidate> sorted, List<Integer> toProbe, List<IndexEntry> entries, Prober prober)
            throws IOException {
        if (toProbe.isEmpty()) {
            return;
        }
        LOG.info("Indexing {}: probing {} new or changed clips with {} threads",
                description, toProbe.size(), threads);
        Progress progress = new Progress(LOG, "Indexing " + description, toProbe.size());
        AtomicInteger done = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(toProbe.size());
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        Math.min(threads, toProbe.size()),
                        runnable -> {
                            Thread thread = new Thread(runnable, "siammae-index");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            for (int index : toProbe) {
                Candidate candidate = sorted.get(index);
                pool.execute(
                        () -> {
                            IndexEntry entry = probeOne(candidate, prober);
                            synchronized (entries) {
                                entries.set(index, entry);
                            }
                            done.incrementAndGet();
                            finished.countDown();
                        });
            }
            while (!finished.await(1, TimeUnit.SECONDS)) {
                progress.update(done.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("indexing " + description + " was interrupted");
        } finally {
            pool.shutdownNow();
        }
        LOG.info(
                "Indexing {}: probed {} clips in {}", description, toProbe.size(),
                Progress.format(Math.round(progress.elapsedSeconds())));
    }

    /** Probes one candidate; every failure becomes an unusable entry with its reason. */
    private static IndexEntry probeOne(Candidate candidate, Prober prober) {
        try {
            return prober.probe(candidate);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("Skipping {}: {}", candidate.path(), reason);
            return IndexEntry.failed(candidate.path(), candidate.size(), candidate.modified(), reason);
        }
    }

    /** Writes the index next to the data, or to the cache folder if that fails; returns where. */
    private IndexLocation writeIndex(List<IndexEntry> entries) {
        try {
            ClipIndexFile.write(preferred.indexFile(), settings, entries);
            return preferred;
        } catch (IOException e) {
            if (preferred.equals(fallback)) {
                LOG.warn("Cannot write the clip index {}: {}; the next start scans again",
                        preferred.indexFile(), e.getMessage());
                return preferred;
            }
            LOG.info("Cannot write the clip index next to the data ({}); using {}",
                    e.getMessage(), fallback.indexFile());
        }
        try {
            ClipIndexFile.write(fallback.indexFile(), settings, entries);
        } catch (IOException e) {
            LOG.warn("Cannot write the clip index {}: {}; the next start scans again",
                    fallback.indexFile(), e.getMessage());
        }
        return fallback;
    }

    /** Writes the skipped list where the index went; returns its path, or null if none exists. */
    private Path writeSkipped(IndexLocation location, List<String[]> skipped) {
        Path file = location.skippedFile();
        if (skipped.isEmpty() && !Files.exists(file)) {
            return null;
        }
        try {
            ClipIndexFile.writeSkipped(file, skipped);
            return file;
        } catch (IOException e) {
            LOG.warn("Cannot write the list of skipped clips {}: {}", file, e.getMessage());
            return null;
        }
    }

    /** Returns a SHA-256 hex digest of the usable entries' identities and metadata. */
    static String fingerprint(List<IndexEntry> entries) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (IndexEntry entry : entries) {
            if (!entry.usable()) {
                continue;
            }
            String line =
                    String.format(
                            Locale.ROOT, "%s,%d,%d,%.6f,%d,%d\n", entry.path(), entry.size(),
                            entry.frames(), entry.fps(), entry.width(), entry.height());
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
