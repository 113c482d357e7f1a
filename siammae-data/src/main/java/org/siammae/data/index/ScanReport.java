package org.siammae.data.index;

import java.nio.file.Path;

/**
 * The outcome of indexing a source: how many clips are usable, how many were skipped and where
 * the index and the list of skipped clips were written.
 *
 * @param usable clips a sampler can draw from
 * @param skipped clips left out: unreadable, without a video stream, or too short
 * @param probed files probed by this scan because they were new or changed; the others came from
 *     the stored index
 * @param fingerprint a SHA-256 hex digest of the paths, sizes, frame counts, frame rates and frame
 *     sizes of the clips that probed as readable. It changes when the data changes. It stays the
 *     same when files are only touched or copied elsewhere, because times are left out.
 * @param indexFile the index file, or null if none was written
 * @param skippedList the CSV list of skipped clips with reasons, or null if none was written
 */
public record ScanReport(
        int usable,
        int skipped,
        int probed,
        String fingerprint,
        Path indexFile,
        Path skippedList) {}
