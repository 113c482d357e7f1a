package org.siammae.data.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameSampler;
import org.siammae.data.index.Candidate;
import org.siammae.data.index.ClipIndexer;
import org.siammae.data.index.IndexSettings;
import org.siammae.data.index.ScanReport;

/**
 * A source whose clips come from scanning files: it lists candidates, indexes them once (with a
 * cached index) and opens clips by their absolute path.
 *
 * <p>The index and the list of skipped clips are CSV files named {@code siammae-<kind>-index.csv}
 * and {@code siammae-<kind>-skipped.csv}. They are written into the data folder (next to a list
 * file) when it is writable, otherwise into the {@code cache-dir} of the data settings.
 */
abstract class ScannedSource implements IndexedSource {

    private final ComponentContext context;
    private ClipIndexer.Outcome outcome;

    ScannedSource(ComponentContext context) {
        this.context = context;
    }

    /** Returns the folder or list file the index belongs to. */
    abstract Path indexKey();

    /** Returns a short word for the file names of the index, such as {@code video}. */
    abstract String indexKind();

    /** Returns the probe settings as one line; a stored index made with others is rebuilt. */
    abstract String probeSettings();

    /** Returns the number of threads that probe new files. */
    abstract int scanThreads();

    /**
     * Lists what may be a clip.
     *
     * @throws IOException if the folder or list cannot be read, or lists nothing; the message names
     *     it
     */
    abstract List<Candidate> candidates() throws IOException;

    /** Returns the prober of new or changed candidates. */
    abstract ClipIndexer.Prober prober();

    @Override
    public synchronized List<ClipInfo> clips() throws IOException {
        if (outcome == null) {
            List<Candidate> candidates = candidates();
            ClipIndexer indexer =
                    new ClipIndexer(
                            describe(),
                            indexKind(),
                            probeSettings(),
                            indexKey(),
                            context.find(IndexSettings.class).orElseGet(IndexSettings::defaults),
                            context.find(FrameSampler.class).orElse(null),
                            scanThreads());
            outcome = indexer.index(candidates, prober());
        }
        return outcome.clips();
    }

    @Override
    public synchronized ScanReport report() {
        if (outcome == null) {
            throw new IllegalStateException("clips() has not been called on " + describe());
        }
        return outcome.report();
    }
}
