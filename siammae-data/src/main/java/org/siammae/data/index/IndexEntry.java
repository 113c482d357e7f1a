package org.siammae.data.index;

import org.siammae.api.data.ClipInfo;

/**
 * One file or frame folder of a clip index: what identifies its version and what probing found.
 *
 * @param path the path relative to the source root, with {@code /} separators
 * @param size the file size in bytes (for a frame folder, the number of frame files)
 * @param modified the last-modified time in milliseconds since the epoch
 * @param frames the frame count
 * @param exactFrameCount whether {@code frames} was counted rather than estimated from the duration
 * @param fps frames per second
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param error why the clip is unusable, or null when it is usable
 */
public record IndexEntry(
        String path,
        long size,
        long modified,
        int frames,
        boolean exactFrameCount,
        double fps,
        int width,
        int height,
        String error) {

    /**
     * Creates the entry of a file that could not be used.
     *
     * @param path the relative path
     * @param size the file size
     * @param modified the last-modified time
     * @param error why
     */
    public static IndexEntry failed(String path, long size, long modified, String error) {
        return new IndexEntry(path, size, modified, 0, false, 0, 0, 0, error);
    }

    /** Returns whether probing found the clip usable. */
    public boolean usable() {
        return error == null;
    }

    /**
     * Returns the clip as samplers see it.
     *
     * @param location where the clip's frames are read from (its absolute path)
     */
    public ClipInfo toClip(String location) {
        return new ClipInfo(path, location, frames, fps, width, height);
    }
}
