package org.siammae.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameReader;
import org.siammae.data.index.Candidate;
import org.siammae.data.index.ClipIndexer;
import org.siammae.data.index.IndexEntry;
import org.siammae.data.video.VideoDecoder;
import org.siammae.data.video.VideoProbe;

/** A scanned source of video files, probed and decoded with FFmpeg. */
abstract class VideoFileSource extends ScannedSource {

    final VideoOptions options;
    private final int shortSide;

    VideoFileSource(VideoOptions options, ComponentContext context) {
        super(context);
        this.options = options;
        this.shortSide = options.targetShortSide(context);
    }

    @Override
    int scanThreads() {
        return options.scanThreadCount();
    }

    @Override
    ClipIndexer.Prober prober() {
        boolean check = options.checkDecode;
        boolean count = options.countFrames;
        return candidate -> probe(candidate, check, count);
    }

    /** Returns the probe options that change index entries, for the index cache's settings. */
    String probeOptions() {
        return "check-decode=" + options.checkDecode + "; count-frames=" + options.countFrames;
    }

    /** Probes a video file into an index entry. */
    private static IndexEntry probe(Candidate candidate, boolean checkDecode, boolean countFrames)
            throws IOException {
        if (!Files.isRegularFile(candidate.file())) {
            throw new IOException(candidate.file() + " does not exist or is not a file");
        }
        VideoProbe.Metadata metadata = VideoProbe.probe(candidate.file(), checkDecode, countFrames);
        return new IndexEntry(
                candidate.path(),
                candidate.size(),
                candidate.modified(),
                metadata.frames(),
                metadata.exactFrameCount(),
                metadata.fps(),
                metadata.width(),
                metadata.height(),
                null);
    }

    @Override
    public FrameReader open(ClipInfo clip) throws IOException {
        int[] size = DecodeOptions.decodedSize(clip.width(), clip.height(), shortSide);
        return VideoDecoder.open(
                Path.of(clip.location()), clip.fps(), size[0], size[1], options.decoderThreads);
    }
}
