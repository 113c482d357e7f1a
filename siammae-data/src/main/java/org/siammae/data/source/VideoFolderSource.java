package org.siammae.data.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameReader;
import org.siammae.data.index.Candidate;
import org.siammae.data.index.ClipIndexer;
import org.siammae.data.index.IndexEntry;
import org.siammae.data.video.VideoDecoder;
import org.siammae.data.video.VideoProbe;

/**
 * Every video file under a folder, at any depth: for example a Kinetics tree {@code
 * ROOT/<class>/<clip>.mp4}. Decoding goes through FFmpeg, which covers H.264, VP9, MPEG-4 Part 2
 * and the other common codecs.
 */
public final class VideoFolderSource extends ScannedSource {

    /** Options of {@code video-folder}. */
    public static class Options extends VideoOptions {

        @Tunable(
                description =
                        "Folder searched for video files at any depth; relative paths resolve"
                                + " against the descriptor's folder.",
                required = true)
        String root;

        @Override
        public void validate(ConfigProblems problems) {
            super.validate(problems);
            if (root != null && root.isBlank()) {
                problems.add("root", "must name a folder");
            }
        }
    }

    private final VideoOptions options;
    private final Path root;
    private final String label;
    private final int shortSide;

    /**
     * Creates the source.
     *
     * @param options validated options
     * @param context resolves the root and supplies the model geometry, sampler and cache folder
     */
    public VideoFolderSource(Options options, ComponentContext context) {
        this(options, context.resolve(options.root), "video folder", context);
    }

    /**
     * Creates the source over a resolved folder.
     *
     * @param options validated options
     * @param root the folder
     * @param label what the folder is, for {@link #describe()}
     * @param context supplies the model geometry, sampler and cache folder
     */
    VideoFolderSource(VideoOptions options, Path root, String label, ComponentContext context) {
        super(context);
        this.options = options;
        this.root = root;
        this.label = label;
        this.shortSide = options.targetShortSide(context);
    }

    @Override
    Path indexKey() {
        return root;
    }

    @Override
    String indexKind() {
        return "video";
    }

    @Override
    String probeSettings() {
        return "kind=video; check-decode=" + options.checkDecode;
    }

    @Override
    int scanThreads() {
        return options.scanThreadCount();
    }

    @Override
    List<Candidate> candidates() throws IOException {
        Set<String> extensions = options.extensionSet();
        List<Candidate> files = FileWalker.files(root, extensions);
        if (files.isEmpty()) {
            throw new IOException(
                    "no video files (" + String.join(", ", extensions) + ") in " + root
                            + " or its subfolders");
        }
        return files;
    }

    @Override
    ClipIndexer.Prober prober() {
        boolean check = options.checkDecode;
        return candidate -> probeVideo(candidate, check);
    }

    /** Probes a video file into an index entry. */
    static IndexEntry probeVideo(Candidate candidate, boolean checkDecode) throws IOException {
        VideoProbe.Metadata metadata = VideoProbe.probe(candidate.file(), checkDecode);
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
        return VideoDecoder.open(Path.of(clip.location()), clip.fps(), size[0], size[1], options.decoderThreads);
    }

    @Override
    public String describe() {
        return label + " " + root;
    }

    /** Options of the sources that decode video files. */
    public static class VideoOptions extends DecodeOptions {

        @Tunable(description = "File extensions that count as video, without the dot; case is ignored.")
        List<String> extensions = new ArrayList<>(List.of("mp4", "webm", "mkv", "avi", "mov", "m4v"));

        @Tunable(
                description =
                        "FFmpeg decoding threads per clip; 1 suits data workers, which already"
                                + " decode clips in parallel. 0 lets FFmpeg choose.")
        int decoderThreads = 1;

        @Override
        public void validate(ConfigProblems problems) {
            super.validate(problems);
            if (extensions.isEmpty()) {
                problems.add("extensions", "must list at least one extension");
            }
            if (decoderThreads < 0) {
                problems.add("decoder-threads", "must be 0 (FFmpeg chooses) or more, got " + decoderThreads);
            }
        }

        Set<String> extensionSet() {
            Set<String> set = new LinkedHashSet<>();
            for (String extension : extensions) {
                set.add(extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
            }
            return set;
        }
    }
}
