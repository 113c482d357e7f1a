package org.siammae.api.data;

import java.io.IOException;

/** Reads frames of one open clip; used by one data worker thread at a time. */
public interface FrameReader extends AutoCloseable {

    /**
     * Decodes the frames at the given indices.
     *
     * @param frameIndices 0-based frame indices in ascending order
     * @return the frames in the order asked for, values in [0, 1]
     * @throws IOException if a frame cannot be decoded; the message names the clip and the frame
     */
    FrameStack read(int[] frameIndices) throws IOException;

    @Override
    void close() throws IOException;
}
