package org.siammae.data.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry_from_timestamp;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.siammae.api.data.FrameReader;
import org.siammae.api.data.FrameStack;

/**
 * Decodes selected frames of one video file with FFmpeg, scaled to a given size while converting
 * to RGB.
 *
 * <p>Frames are found by presentation time: frame {@code i} is the frame at {@code start + i /
 * fps}. For each requested frame the reader decodes forward from where it is. When a key frame
 * lies between its position and the target, seeking skips work, so it seeks to the key frame at or
 * before the target and decodes forward from there. Frames passed over are decoded but
 * not converted. Only the requested frames are scaled and converted, straight to the output size,
 * so a 1080p clip never exists as a float array.
 *
 * <p>When a frame is missing (a variable-rate clip, dropped frames), the next later frame replaces
 * it. A clip that ends before a requested frame raises an {@link IOException}.
 */
public final class VideoDecoder implements FrameReader {

    /** Frames to decode forward without an index before seeking pays off (about a GOP). */
    private static final int SEEK_DISTANCE_WITHOUT_INDEX = 64;

    /**
     * Frames before the target whose packets are always decoded in full. A packet's time stamp
     * may belong to another frame than the one it carries. MPEG-4 Part 2 AVI files with packed
     * B-frames put two frames in one packet, so the frame a target needs can travel in a packet
     * stamped before it. The margin covers such reordering.
     */
    private static final int SKIP_MARGIN = 8;

    /** Packets in a row the decoder may reject as damaged before the clip counts as broken. */
    private static final int MAX_BAD_PACKETS = 32;

    private final Demuxer demuxer;
    private final AVCodecContext codec;
    private final AVPacket packet;
    private final AVFrame frame;
    private final FrameConverter converter;
    private final double fps;
    private final long startPts;
    private final double ticksPerSecond;
    private final String name;

    /** Index of the frame in {@link #frame}, or -1 when none is decoded since the last seek. */
    private int current = -1;
    /** Whether the last seek left the demuxer at the stream start (or nothing was read yet). */
    private boolean atStart = true;
    private boolean inputEnded;
    private boolean outputEnded;
    /** The frame being looked for; packets of earlier frames may skip non-reference frames. */
    private int target;
    private int skipMode = AVDISCARD_DEFAULT;

    private VideoDecoder(
            Demuxer demuxer, AVCodecContext codec, double fps, int outWidth, int outHeight, String name) {
        this.demuxer = demuxer;
        this.codec = codec;
        this.packet = av_packet_alloc();
        this.frame = av_frame_alloc();
        this.converter = new FrameConverter(outWidth, outHeight);
        this.fps = fps;
        long start = demuxer.stream.start_time();
        this.startPts = start == AV_NOPTS_VALUE ? 0 : start;
        AVRational timeBase = demuxer.stream.time_base();
        this.ticksPerSecond = (double) timeBase.den() / timeBase.num();
        this.name = name;
    }

    /**
     * Opens a video file for decoding.
     *
     * @param path the file
     * @param fps the frame rate that maps frame indices to times, as the clip index states it
     * @param outWidth output width in pixels
     * @param outHeight output height in pixels
     * @param threads decoder threads; 1 suits data workers that already run in parallel, 0 lets
     *     FFmpeg choose
     * @throws IOException if the file cannot be opened or has no decodable video stream; the
     *     message names the file
     */
    public static VideoDecoder open(Path path, double fps, int outWidth, int outHeight, int threads)
            throws IOException {
        return open(Demuxer.open(path), fps, outWidth, outHeight, threads);
    }

    /**
     * Opens a clip for decoding.
     *
     * @param demuxer the opened file; the decoder closes it, also when opening fails
     * @param fps the frame rate that maps frame indices to times, as the clip index states it
     * @param outWidth output width in pixels
     * @param outHeight output height in pixels
     * @param threads decoder threads; 1 suits data workers that already run in parallel, 0 lets
     *     FFmpeg choose
     * @throws IOException if the codec has no decoder or fails to open; the message names the file
     */
    static VideoDecoder open(Demuxer demuxer, double fps, int outWidth, int outHeight, int threads)
            throws IOException {
        AVCodecContext codec = null;
        try {
            int codecId = demuxer.stream.codecpar().codec_id();
            AVCodec decoder = avcodec_find_decoder(codecId);
            if (decoder == null) {
                throw new IOException(
                        "no decoder for codec " + avcodec_get_name(codecId).getString() + " of "
                                + demuxer.path);
            }
            codec = avcodec_alloc_context3(decoder);
            int result = avcodec_parameters_to_context(codec, demuxer.stream.codecpar());
            if (result >= 0) {
                codec.thread_count(threads);
                codec.pkt_timebase(demuxer.stream.time_base());
                result = avcodec_open2(codec, decoder, (AVDictionary) null);
            }
            if (result < 0) {
                throw new IOException(
                        "cannot open the " + decoder.name().getString() + " decoder for "
                                + demuxer.path + ": " + FfmpegLibrary.errorText(result));
            }
            return new VideoDecoder(
                    demuxer, codec, fps, outWidth, outHeight, demuxer.path.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            if (codec != null) {
                avcodec_free_context(codec);
            }
            demuxer.close();
            throw e;
        }
    }

    @Override
    public FrameStack read(int[] frameIndices) throws IOException {
        List<float[]> frames = new ArrayList<>(frameIndices.length);
        for (int target : frameIndices) {
            if (target < 0) {
                throw new IOException("frame " + target + " of " + name + " is negative");
            }
            position(target);
            frames.add(converter.convert(frame));
        }
        return new FrameStack(frames, 3, converter.height(), converter.width());
    }

    /** Leaves the decoded frame at {@code target}, or the first later frame, in {@link #frame}. */
    private void position(int target) throws IOException {
        if (current == target) {
            return;
        }
        if (target < current || seekPaysOff(target)) {
            seek(target);
            if (!decodeUntil(target)) {
                throw endedBefore(target);
            }
            if (current > target && !atStart) {
                // The seek landed past the target (inexact time stamps): decode from the start.
                seekToStart();
                if (!decodeUntil(target)) {
                    throw endedBefore(target);
                }
            }
            return;
        }
        if (!decodeUntil(target)) {
            throw endedBefore(target);
        }
    }

    /** Returns whether a key frame after the current position precedes the target. */
    private boolean seekPaysOff(int target) {
        int position = current < 0 && atStart ? -1 : current;
        if (avformat_index_get_entries_count(demuxer.stream) == 0) {
            return target - position > SEEK_DISTANCE_WITHOUT_INDEX;
        }
        AVIndexEntry entry =
                avformat_index_get_entry_from_timestamp(
                        demuxer.stream, timestampOf(target), AVSEEK_FLAG_BACKWARD);
        if (entry == null) {
            return false;
        }
        return indexOf(entry.timestamp()) > position + 1;
    }

    private void seek(int target) throws IOException {
        int result =
                av_seek_frame(
                        demuxer.format, demuxer.streamIndex, timestampOf(target), AVSEEK_FLAG_BACKWARD);
        if (result < 0) {
            throw new IOException(
                    "cannot seek to frame " + target + " of " + name + ": " + FfmpegLibrary.errorText(result));
        }
        afterSeek(false);
    }

    private void seekToStart() throws IOException {
        int result = av_seek_frame(demuxer.format, demuxer.streamIndex, startPts, AVSEEK_FLAG_BACKWARD);
        if (result < 0) {
            throw new IOException(
                    "cannot seek to the start of " + name + ": " + FfmpegLibrary.errorText(result));
        }
        afterSeek(true);
    }

    private void afterSeek(boolean toStart) {
        avcodec_flush_buffers(codec);
        current = -1;
        atStart = toStart;
        inputEnded = false;
        outputEnded = false;
    }

    /**
     * Decodes frames until one at or after {@code target}.
     *
     * @return false if the stream ended first
     */
    private boolean decodeUntil(int target) throws IOException {
        this.target = target;
        while (current < target) {
            if (!decodeNext()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes the next frame into {@link #frame} and sets {@link #current}.
     *
     * @return false at the end of the stream
     */
    boolean decodeNext() throws IOException {
        int badPackets = 0;
        while (!outputEnded) {
            int result = avcodec_receive_frame(codec, frame);
            if (result == 0) {
                current = Math.max(current + 1, indexOf(frameTimestamp()));
                return true;
            }
            if (result == AVERROR_EOF) {
                outputEnded = true;
                break;
            }
            if (result != AVERROR_EAGAIN()) {
                throw new IOException(
                        "cannot decode " + name + " after frame " + current + ": "
                                + FfmpegLibrary.errorText(result));
            }
            if (inputEnded) {
                // Draining returns EOF once empty, so EAGAIN here means a broken decoder state.
                outputEnded = true;
                break;
            }
            result = av_read_frame(demuxer.format, packet);
            if (result < 0) {
                // End of file, or data cut short: decode what the decoder still holds.
                avcodec_send_packet(codec, null);
                inputEnded = true;
                continue;
            }
            if (packet.stream_index() != demuxer.streamIndex) {
                av_packet_unref(packet);
                continue;
            }
            skipNonReferenceBefore(packet);
            result = avcodec_send_packet(codec, packet);
            av_packet_unref(packet);
            if (result < 0 && result != AVERROR_EAGAIN()) {
                badPackets++;
                if (badPackets > MAX_BAD_PACKETS) {
                    throw new IOException(
                            name + " has " + badPackets + " damaged packets in a row after frame "
                                    + current + ": " + FfmpegLibrary.errorText(result));
                }
            } else {
                badPackets = 0;
            }
        }
        return false;
    }

    /**
     * Lets the decoder drop a packet's frame if nothing refers to it and it shows well before the
     * target: such a frame can be neither the target nor a reference of it. Packets without a time
     * stamp are decoded in full.
     */
    private void skipNonReferenceBefore(AVPacket packet) {
        int index = indexOf(packet.pts());
        int mode = index >= 0 && index < target - SKIP_MARGIN ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
        if (mode != skipMode) {
            codec.skip_frame(mode);
            skipMode = mode;
        }
    }

    /** Returns the presentation time of the decoded frame in stream ticks, or none. */
    private long frameTimestamp() {
        long timestamp = frame.best_effort_timestamp();
        return timestamp != AV_NOPTS_VALUE ? timestamp : frame.pts();
    }

    /** Returns the frame index of a time stamp in stream ticks; -1 for none. */
    private int indexOf(long timestamp) {
        if (timestamp == AV_NOPTS_VALUE) {
            return -1;
        }
        return (int) Math.round((timestamp - startPts) / ticksPerSecond * fps);
    }

    /** Returns the time stamp of a frame index in stream ticks. */
    private long timestampOf(int index) {
        return startPts + Math.round(index / fps * ticksPerSecond);
    }

    private IOException endedBefore(int target) {
        return new IOException(
                name + " ended before frame " + target + " (last decoded frame: " + current + ")");
    }

    /** Returns the width of the decoded frames before scaling, or 0 before the first frame. */
    int sourceWidth() {
        return frame.width();
    }

    /** Returns the height of the decoded frames before scaling, or 0 before the first frame. */
    int sourceHeight() {
        return frame.height();
    }

    @Override
    public void close() {
        converter.close();
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(codec);
        demuxer.close();
    }
}
