package org.siammae.data.source;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Builds broken and audio-only media files for tests, in a temporary folder. */
final class Fixtures {

    private Fixtures() {}

    /** Writes the first {@code fraction} of {@code source}'s bytes to {@code target}. */
    static Path truncatedCopy(Path source, Path target, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return target;
    }

    /** Writes one second of a 440 Hz tone as AAC in an MP4 file, with no video stream. */
    static Path audioOnly(Path target) throws IOException {
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

    /** Copies a file into a folder, creating it. */
    static Path copy(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.copy(source, target);
    }
}
