package org.siammae.data.video;

import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Reads what a clip index needs from a video file: frame count, frame rate and frame size, and
 * checks that the file can be decoded.
 */
public final class VideoProbe {

    /**
     * Metadata of a probed video file.
     *
     * @param frames frame count: the container's count when it states one, else duration x fps
     * @param exactFrameCount whether {@code frames} comes from the container's count
     * @param fps frames per second
     * @param width frame width in pixels
     * @param height frame height in pixels
     */
    public record Metadata(int frames, boolean exactFrameCount, double fps, int width, int height) {}

    private VideoProbe() {}

    /**
     * Probes one file.
     *
     * <p>Besides reading the header, it checks that the packet index (when the container has one)
     * ends inside the file, which catches MP4 files cut short after their header, and decodes the
     * first frame when {@code decodeFirstFrame} is set.
     *
     * @param path the file
     * @param decodeFirstFrame whether to decode the first frame as a check (about a millisecond at
     *     340 x 256)
     * @return the metadata
     * @throws IOException naming the file and the reason it cannot be used
     */
    public static Metadata probe(Path path, boolean decodeFirstFrame) throws IOException {
        long size = Files.size(path);
        if (size == 0) {
            throw new IOException(path + " is empty (0 bytes)");
        }
        Demuxer demuxer = Demuxer.open(path);
        try {
            AVStream stream = demuxer.stream;
            AVCodecParameters parameters = stream.codecpar();
            double fps = frameRate(stream);
            if (!(fps > 0)) {
                throw new IOException(path + " states no frame rate");
            }
            long counted = stream.nb_frames();
            boolean exact = counted > 0;
            // NOTE: Matroska and WebM state a duration, not a count, so the estimate can be off by
            // a frame. During training, a sample that requests a frame past the real end is
            // replaced by a sample of another clip.
            long frames = exact ? counted : Math.round(durationSeconds(demuxer) * fps);
            if (frames <= 0) {
                throw new IOException(path + " states neither a frame count nor a duration");
            }
            checkIndexInsideFile(demuxer, size);
            int width = parameters.width();
            int height = parameters.height();
            if (decodeFirstFrame || width <= 0 || height <= 0) {
                Demuxer owned = demuxer;
                demuxer = null; // the decoder closes it, also when it fails to open
                try (VideoDecoder decoder = VideoDecoder.open(owned, fps, 16, 16, 1)) {
                    if (!decoder.decodeNext()) {
                        throw new IOException(path + " has no decodable frame");
                    }
                    width = decoder.sourceWidth();
                    height = decoder.sourceHeight();
                }
            }
            return new Metadata((int) Math.min(Integer.MAX_VALUE, frames), exact, fps, width, height);
        } finally {
            if (demuxer != null) {
                demuxer.close();
            }
        }
    }

    private static double frameRate(AVStream stream) {
        AVRational average = stream.avg_frame_rate();
        if (Rational.positive(average)) {
            return Rational.toDouble(average);
        }
        return Rational.toDouble(stream.r_frame_rate());
    }

    private static double durationSeconds(Demuxer demuxer) {
        AVStream stream = demuxer.stream;
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            AVRational timeBase = stream.time_base();
            return stream.duration() * (double) timeBase.num() / timeBase.den();
        }
        long duration = demuxer.format.duration();
        return duration == AV_NOPTS_VALUE ? 0 : (double) duration / AV_TIME_BASE;
    }

    /** Rejects a file whose last indexed packet lies beyond its end. */
    private static void checkIndexInsideFile(Demuxer demuxer, long size) throws IOException {
        int entries = avformat_index_get_entries_count(demuxer.stream);
        if (entries == 0) {
            return;
        }
        AVIndexEntry last = avformat_index_get_entry(demuxer.stream, entries - 1);
        if (last != null && last.pos() >= 0 && last.pos() + last.size() > size) {
            throw new IOException(
                    demuxer.path + " is truncated: its index expects " + (last.pos() + last.size())
                            + " bytes, the file has " + size);
        }
    }
}
