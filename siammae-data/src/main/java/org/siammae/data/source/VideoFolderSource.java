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
import org.siammae.data.index.Candidate;

/**
 * Every video file under a folder, at any depth: for example a Kinetics tree {@code
 * ROOT/<class>/<clip>.mp4}. Decoding goes through FFmpeg, which covers H.264, VP9, MPEG-4 Part 2
 * and the other common codecs.
 */
public final class VideoFolderSource extends VideoFileSource {

    /** Options of {@code video-folder}. */
    public static class Options extends VideoOptions {

        @Tunable(
                description =
                        "Folder searched for video files at any depth; relative paths resolve"
                                + " against the working directory.",
                required = true)
        String root;

        @Tunable(description = "File extensions that count as video, without the dot; case is ignored.")
        List<String> extensions = new ArrayList<>(List.of("mp4", "webm", "mkv", "avi", "mov", "m4v"));

        @Override
        public void validate(ConfigProblems problems) {
            super.validate(problems);
            if (root != null && root.isBlank()) {
                problems.add("root", "must name a folder");
            }
            if (extensions.isEmpty()) {
                problems.add("extensions", "must list at least one extension");
            }
        }
    }

    private final Path root;
    private final String label;
    private final Set<String> extensions = new LinkedHashSet<>();

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
    VideoFolderSource(Options options, Path root, String label, ComponentContext context) {
        super(options, context);
        this.root = root;
        this.label = label;
        for (String extension : options.extensions) {
            extensions.add(extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
        }
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
        return "kind=video; " + probeOptions();
    }

    @Override
    List<Candidate> candidates() throws IOException {
        List<Candidate> files = FileWalker.files(root, extensions);
        if (files.isEmpty()) {
            throw new IOException(
                    "no video files (" + String.join(", ", extensions) + ") in " + root
                            + " or its subfolders");
        }
        return files;
    }

    @Override
    public String describe() {
        return label + " " + root;
    }
}
