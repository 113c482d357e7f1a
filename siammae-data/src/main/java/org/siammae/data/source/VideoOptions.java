package org.siammae.data.source;

import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;

/** Options of the sources that decode video files. */
public class VideoOptions extends DecodeOptions {

    @Tunable(
            description =
                    "Whether indexing decodes each new clip's first frame, to skip clips whose"
                            + " codec or data is broken before training starts.")
    boolean checkDecode = true;

    @Tunable(
            description =
                    "Whether indexing counts the frames of clips whose container states no count"
                            + " (Matroska, WebM) by reading their packets without decoding. Off,"
                            + " duration x fps estimates the count, which an audio track longer"
                            + " than the video or a file cut short makes too high.")
    boolean countFrames = true;

    @Tunable(
            description =
                    "FFmpeg decoding threads per clip; 1 suits data workers, which already"
                            + " decode clips in parallel. 0 lets FFmpeg choose.")
    int decoderThreads = 1;

    @Override
    public void validate(ConfigProblems problems) {
        super.validate(problems);
        if (decoderThreads < 0) {
            problems.add("decoder-threads", "must be 0 (FFmpeg chooses) or more, got " + decoderThreads);
        }
    }
}
