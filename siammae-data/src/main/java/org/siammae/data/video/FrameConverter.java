package org.siammae.data.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_CL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_FCC;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE240M;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_FCC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_SMPTE240M;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Scales decoded frames to the output size and converts them to planar RGB floats in [0, 1], in
 * one swscale pass (bilinear, which swscale widens when shrinking). swscale's accurate rounding
 * is left off: it halves the conversion rate for at most one level of difference per channel.
 *
 * <p>YUV frames are converted with the matrix and range their stream declares. Streams that
 * declare no matrix get BT.709 from 720 lines up and BT.601 below, the usual convention of
 * players.
 */
final class FrameConverter implements AutoCloseable {

    private static final int ROW_ALIGNMENT = 64;

    private final int width;
    private final int height;
    private final int stride;
    private final BytePointer rgb;
    private final PointerPointer<?> rgbPlanes;
    private final IntPointer rgbStrides;
    private final byte[] bytes;
    private SwsContext scaler;
    private int colourKey = Integer.MIN_VALUE;

    FrameConverter(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("output size must be positive, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.stride = (width * 3 + ROW_ALIGNMENT - 1) / ROW_ALIGNMENT * ROW_ALIGNMENT;
        // swscale's SIMD converters write whole blocks of pixels, past the end of a row, and on
        // the last row past the image: one spare row keeps that inside the buffer.
        long capacity = (long) stride * (height + 1);
        this.rgb = new BytePointer(av_malloc(capacity)).capacity(capacity);
        // swscale reads four plane pointers and four strides, even for packed RGB.
        this.rgbPlanes = new PointerPointer<>(4).put(0, rgb);
        this.rgbStrides = new IntPointer(stride, 0, 0, 0);
        this.bytes = new byte[stride * height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Converts one decoded frame.
     *
     * @return planar (3, height, width) values in [0, 1]
     * @throws IOException if swscale cannot convert the frame's pixel format
     */
    float[] convert(AVFrame frame) throws IOException {
        long previous = scaler == null ? 0 : scaler.address();
        scaler =
                sws_getCachedContext(
                        scaler,
                        frame.width(),
                        frame.height(),
                        frame.format(),
                        width,
                        height,
                        AV_PIX_FMT_RGB24,
                        SWS_BILINEAR,
                        null,
                        null,
                        (DoublePointer) null);
        if (scaler == null) {
            throw new IOException(
                    "cannot convert pixel format " + frame.format() + " (" + frame.width() + " x "
                            + frame.height() + ") to RGB");
        }
        if (scaler.address() != previous) {
            colourKey = Integer.MIN_VALUE; // a new context starts with swscale's default matrix
        }
        applyColourDetails(frame);

        int rows = sws_scale(scaler, frame.data(), frame.linesize(), 0, frame.height(), rgbPlanes, rgbStrides);
        if (rows != height) {
            throw new IOException("swscale wrote " + rows + " rows, expected " + height);
        }
        rgb.get(bytes, 0, bytes.length);

        int plane = width * height;
        float[] out = new float[3 * plane];
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int pixel = y * width;
            for (int x = 0; x < width; x++) {
                int source = row + 3 * x;
                out[pixel + x] = (bytes[source] & 0xFF) / 255f;
                out[plane + pixel + x] = (bytes[source + 1] & 0xFF) / 255f;
                out[2 * plane + pixel + x] = (bytes[source + 2] & 0xFF) / 255f;
            }
        }
        return out;
    }

    /** Sets the YUV matrix and range when they differ from the last frame's. */
    private void applyColourDetails(AVFrame frame) {
        AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(frame.format());
        if (descriptor == null || (descriptor.flags() & AV_PIX_FMT_FLAG_RGB) != 0) {
            return;
        }
        int matrix = matrix(frame);
        boolean fullRange =
                frame.color_range() == AVCOL_RANGE_JPEG
                        || frame.format() == AV_PIX_FMT_YUVJ420P
                        || frame.format() == AV_PIX_FMT_YUVJ422P
                        || frame.format() == AV_PIX_FMT_YUVJ444P;
        int key = matrix * 2 + (fullRange ? 1 : 0);
        if (key == colourKey) {
            return;
        }
        colourKey = key;
        // Brightness 0, contrast and saturation 1.0 in 16.16 fixed point.
        sws_setColorspaceDetails(
                scaler,
                sws_getCoefficients(matrix),
                fullRange ? 1 : 0,
                sws_getCoefficients(SWS_CS_DEFAULT),
                1,
                0,
                1 << 16,
                1 << 16);
    }

    private static int matrix(AVFrame frame) {
        int space = frame.colorspace();
        if (space == AVCOL_SPC_BT709) {
            return SWS_CS_ITU709;
        }
        if (space == AVCOL_SPC_BT470BG || space == AVCOL_SPC_SMPTE170M) {
            return SWS_CS_ITU601;
        }
        if (space == AVCOL_SPC_SMPTE240M) {
            return SWS_CS_SMPTE240M;
        }
        if (space == AVCOL_SPC_FCC) {
            return SWS_CS_FCC;
        }
        if (space == AVCOL_SPC_BT2020_NCL || space == AVCOL_SPC_BT2020_CL) {
            return SWS_CS_BT2020;
        }
        return frame.height() >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }

    @Override
    public void close() {
        sws_freeContext(scaler);
        scaler = null;
        av_free(rgb);
        rgbPlanes.close();
        rgbStrides.close();
    }
}
