package org.siammae.api.data;

import java.io.IOException;
import java.util.List;

/**
 * The provider of training clips; an extension point registered under {@link
 * org.siammae.api.component.ComponentKind#CLIP_SOURCE}.
 */
public interface ClipSource {

    /**
     * Returns the usable clips, scanning the source on the first call.
     *
     * @throws IOException if the source cannot be read at all, or contains no usable clip; the
     *     message names the folder or file
     */
    List<ClipInfo> clips() throws IOException;

    /**
     * Opens a clip for reading.
     *
     * @param clip a clip from {@link #clips()}
     * @throws IOException if the clip cannot be opened; the message names it
     */
    FrameReader open(ClipInfo clip) throws IOException;

    /** Returns a one-line description for logs and provenance, such as the root folder. */
    String describe();
}
