package org.siammae.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.siammae.data.video.FfmpegLibrary;

/** Builds broken and audio-only media files for tests, in a temporary folder. */
public final class MediaFixtures {

    static {
        FfmpegLibrary.initialise(); // keeps the recorder's stream dump off the console
    }

    private MediaFixtures() {}

    /** Writes the first {@code fraction} of {@code source}'s bytes to {@code target}. */
    public static Path truncatedCopy(Path source, Path target, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return target;
    }

    /** Writes one second of a 440 Hz tone as AAC in an MP4 file, with no video stream. */
    public static Path audioOnly(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        int rate = 16_000;
        short[] samples = new short[rate];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(rate);
            recorder.start();
            recorder.recordSamples(rate, 1, ShortBuffer.wrap(samples));
            recorder.stop();
        }
        return target;
    }

    /**
     * Encodes a VP9 clip in WebM at 25 fps with a key frame every 10 frames: a red square moving
     * one pixel per frame over a gradient, so every frame differs.
     *
     * @param target the file to write
     * @param frames the frame count
     */
    public static Path vp9Clip(Path target, int frames) throws IOException {
        Files.createDirectories(target.getParent());
        int width = 64;
        int height = 48;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), width, height, 0)) {
            recorder.setFormat("webm");
            recorder.setVideoCodecName("libvpx-vp9");
            recorder.setFrameRate(25);
            recorder.setGopSize(10);
            recorder.start();
            for (int t = 0; t < frames; t++) {
                Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        boolean square = x >= t && x < t + 16 && y >= 16 && y < 32;
                        int i = y * frame.imageStride + 3 * x; // BGR
                        pixels.put(i, (byte) 90);
                        pixels.put(i + 1, (byte) (square ? 0 : 4 * y));
                        pixels.put(i + 2, (byte) (square ? 255 : 3 * x));
                    }
                }
                recorder.record(frame);
            }
            recorder.stop();
        }
        return target;
    }

    /** Copies a file into a folder, creating it. */
    public static Path copy(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.copy(source, target);
    }
}
