package org.siammae.data.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads FFmpeg (through the JavaCPP presets) and routes its log to slf4j instead of the console.
 *
 * <p>FFmpeg writes to standard error by default, a line per damaged packet, which buries a
 * training log when thousands of clips are read. Here FFmpeg keeps only errors and worse, and
 * those go to the {@code org.siammae.data.video.ffmpeg} logger: fatal errors at WARN, errors at
 * DEBUG, because the reader reports every failure that matters as an exception that names the
 * clip.
 */
public final class FfmpegLibrary {

    private static final Logger FFMPEG_LOG = LoggerFactory.getLogger("org.siammae.data.video.ffmpeg");

    /** Referenced for the life of the JVM so that the native callback is never collected. */
    private static LogCallback callback;

    private FfmpegLibrary() {}

    /** Loads the libraries and installs the log route; later calls return at once. */
    public static synchronized void initialise() {
        if (callback != null) {
            return;
        }
        callback =
                new LogCallback() {
                    @Override
                    public void call(int level, BytePointer message) {
                        String text = message.getString(StandardCharsets.UTF_8).strip();
                        if (text.isEmpty()) {
                            return;
                        }
                        if (level <= AV_LOG_FATAL) {
                            FFMPEG_LOG.warn("{}", text);
                        } else {
                            FFMPEG_LOG.debug("{}", text);
                        }
                    }
                };
        av_log_set_level(AV_LOG_ERROR);
        setLogCallback(callback);
    }

    /**
     * Returns FFmpeg's text for an error code, such as "Invalid data found when processing input".
     *
     * @param code a negative FFmpeg return value
     */
    public static String errorText(int code) {
        byte[] buffer = new byte[256];
        if (av_strerror(code, buffer, buffer.length) < 0) {
            return "FFmpeg error " + code;
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }
}
