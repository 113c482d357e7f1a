package org.siammae.data.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An open media file and its video stream, the other streams discarded so the demuxer skips their
 * packets.
 */
final class Demuxer implements AutoCloseable {

    final Path path;
    final AVFormatContext format;
    final AVStream stream;
    final int streamIndex;

    private Demuxer(Path path, AVFormatContext format, AVStream stream, int streamIndex) {
        this.path = path;
        this.format = format;
        this.stream = stream;
        this.streamIndex = streamIndex;
    }

    /**
     * Opens a file and picks its video stream.
     *
     * <p>Stream analysis, which may decode a few frames, runs only when the container header
     * leaves the codec, the frame size or the frame rate unknown; MP4 and AVI headers state them.
     *
     * @param path the file
     * @throws NoVideoStreamException if the file has no video stream
     * @throws IOException if FFmpeg cannot open or read the file
     */
    static Demuxer open(Path path) throws IOException {
        FfmpegLibrary.initialise();
        AVFormatContext format = new AVFormatContext(null);
        int result = avformat_open_input(format, path.toString(), null, (AVDictionary) null);
        if (result < 0) {
            throw new IOException("cannot open " + path + ": " + FfmpegLibrary.errorText(result));
        }
        try {
            int index = videoStream(format);
            if (index < 0 || !headerComplete(format.streams(index))) {
                result = avformat_find_stream_info(format, (PointerPointer<?>) null);
                if (result < 0) {
                    throw new IOException(
                            "cannot read the streams of " + path + ": " + FfmpegLibrary.errorText(result));
                }
                index = videoStream(format);
            }
            if (index < 0) {
                throw new NoVideoStreamException(path + " has no video stream");
            }
            for (int i = 0; i < format.nb_streams(); i++) {
                if (i != index) {
                    format.streams(i).discard(AVDISCARD_ALL);
                }
            }
            return new Demuxer(path, format, format.streams(index), index);
        } catch (IOException | RuntimeException e) {
            avformat_close_input(format);
            throw e;
        }
    }

    /** Returns the index of the first video stream that is not a cover picture, or -1. */
    private static int videoStream(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            AVCodecParameters parameters = stream.codecpar();
            if (parameters.codec_type() == AVMEDIA_TYPE_VIDEO
                    && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean headerComplete(AVStream stream) {
        AVCodecParameters parameters = stream.codecpar();
        return parameters.codec_id() != AV_CODEC_ID_NONE
                && parameters.width() > 0
                && parameters.height() > 0
                && (Rational.positive(stream.avg_frame_rate()) || Rational.positive(stream.r_frame_rate()));
    }

    @Override
    public void close() {
        avformat_close_input(format);
    }

    /** Thrown when a file opens but has no video stream. */
    static final class NoVideoStreamException extends IOException {
        private static final long serialVersionUID = 1L;

        NoVideoStreamException(String message) {
            super(message);
        }
    }
}
