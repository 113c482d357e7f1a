package org.siammae.api.data;

/**
 * One usable clip, as a clip source's index describes it.
 *
 * @param id a stable identifier, unique within its source (for example the path relative to the
 *     source root)
 * @param location where the clip's frames are read from (a file, a folder or a generator key)
 * @param frameCount decodable frames
 * @param fps frames per second; the nominal rate when the container states none
 * @param width frame width in pixels
 * @param height frame height in pixels
 */
public record ClipInfo(String id, String location, int frameCount, double fps, int width, int height) {

    public ClipInfo {
        if (frameCount <= 0) {
            throw new IllegalArgumentException("clip " + id + " has no frames");
        }
        if (!(fps > 0)) {
            throw new IllegalArgumentException("clip " + id + " has a frame rate of " + fps);
        }
    }

    /** Returns the duration in seconds. */
    public double durationSeconds() {
        return frameCount / fps;
    }
}
