package org.siammae.data.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Reads what a clip index needs from a video file: frame count, frame rate and frame size, and
 * checks that the file can be decoded.
 */
public final class VideoProbe {

    private static final Logger LOG = LoggerFactory.getLogger(VideoProbe.class);

    /**
     * Metadata of a probed video file.
     *
     * @param frames frame count: the container's count when it states one, else counted from the
     *     packets' time stamps
     * @param exactFrameCount whether {@code frames} was stated or counted; false only for the
     *     duration x fps estimate of {@link #probe(Path, boolean, boolean)} without counting
     * @param fps frames per second
     * @param width frame width in pixels
     * @param height frame height in pixels
     */
    public record Metadata(int frames, boolean exactFrameCount, double fps, int width, int height) {}

    private VideoProbe() {}

    /**
     * Probes one file, counting the frames of a container that states no frame count.
     *
     * @param path the file
     * @param decodeFirstFrame whether to decode the first frame as a check
     * @return the metadata
     * @throws IOException naming the file and the reason it cannot be used
     * @see #probe(Path, boolean, boolean)
     */
    public static Metadata probe(Path path, boolean decodeFirstFrame) throws IOException {
        return probe(path, decodeFirstFrame, true);
    }

    /**
     * Probes one file.
     *
     * <p>Besides reading the header, it checks that the packet index (when the container has one)
     * ends inside the file, which catches MP4 files cut short after their header, and decodes the
     * first frame when {@code decodeFirstFrame} is set.
     *
     * <p>Matroska and WebM state a duration, not a frame count. With {@code countFrames} the probe
     * reads every packet (without decoding) and takes the frame index of the latest time stamp,
     * which is what {@link VideoDecoder} can reach. The duration x fps estimate can be too high when
     * the duration is the container's (an audio track that outlasts the video) or the file is cut
     * short.
     *
     * @param path the file
     * @param decodeFirstFrame whether to decode the first frame as a check (about a millisecond at
     *     340 x 256)
     * @param countFrames whether to count frames from packet time stamps when the container states
     *     no count, instead of estimating duration x fps
     * @return the metadata
     * @throws IOException naming the file and the reason it cannot be used
     */
    public static Metadata probe(Path path, boolean decodeFirstFrame, boolean countFrames) throws IOException {
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
            long frames = stream.nb_frames();
            boolean exact = frames > 0 || countFrames;
            if (frames <= 0 && countFrames) {
                frames = framesFromTimestamps(path, fps);
                if (frames <= 0) {
                    throw new IOException(path + " has no video packet with a time stamp");
                }
            } else if (frames <= 0) {
                frames = Math.round(durationSeconds(demuxer) * fps);
                if (frames <= 0) {
                    throw new IOException(path + " states neither a frame count nor a duration");
                }
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

    /**
     * Returns one more than the frame index of the latest video packet time stamp, reading the
     * packets of a second opening of the file without decoding them. A read error ends the count
     * where it happened, so a clip cut short counts the frames it has.
     */
    private static long framesFromTimestamps(Path path, double fps) throws IOException {
        try (Demuxer demuxer = Demuxer.open(path)) {
            long start = demuxer.stream.start_time() == AV_NOPTS_VALUE ? 0 : demuxer.stream.start_time();
            AVRational timeBase = demuxer.stream.time_base();
            double ticksPerSecond = (double) timeBase.den() / timeBase.num();
            long latest = latestPts(demuxer);
            return latest == AV_NOPTS_VALUE ? 0 : Math.round((latest - start) / ticksPerSecond * fps) + 1;
        }
    }

    /** Returns the latest time stamp of the video packets, or {@code AV_NOPTS_VALUE} for none. */
    private static long latestPts(Demuxer demuxer) {
        long latest = AV_NOPTS_VALUE;
        AVPacket packet = av_packet_alloc();
        try {
            int result;
            while ((result = av_read_frame(demuxer.format, packet)) >= 0) {
                if (packet.stream_index() == demuxer.streamIndex && packet.pts() != AV_NOPTS_VALUE) {
                    latest = latest == AV_NOPTS_VALUE ? packet.pts() : Math.max(latest, packet.pts());
                }
                av_packet_unref(packet);
            }
            if (result != AVERROR_EOF) {
                LOG.warn("{}: reading packets failed ({}), so only the frames before the failure count",
                        demuxer.path, FfmpegLibrary.errorText(result));
            }
        } finally {
            av_packet_free(packet);
        }
        return latest;
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
