package org.siammae.data.source;

import org.siammae.api.data.ClipSource;
import org.siammae.data.index.ScanReport;

/** A clip source that builds an index of its clips and reports what it skipped. */
public interface IndexedSource extends ClipSource {

    /**
     * Returns the outcome of the scan behind {@link #clips()}.
     *
     * @throws IllegalStateException if {@link #clips()} has not run yet
     */
    ScanReport report();
}
