package org.siammae.data.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-extracted frames: every folder under the root that directly contains JPEG or PNG files is
 * one clip, its frames in natural name order ({@code img_2.jpg} before {@code img_10.jpg}).
 *
 * <p>A clip's index entry is keyed by its frame count and the folder's modification time, which
 * changes when files are added, removed or renamed in it (but not when a frame is rewritten in
 * place).
 */
public final class FrameFolderSource extends ScannedSource {

    private static final Logger LOG = LoggerFactory.getLogger(FrameFolderSource.class);

    /** Options of {@code frame-folder}. */
    public static final class Options extends DecodeOptions {

        @Tunable(
                description =
                        "Folder searched at any depth for clip folders of frame images; relative"
                                + " paths resolve against the working directory.",
                required = true)
        String root;

        @Tunable(description = "Frame rate of the extracted frames in frames per second, used by gap-fps.")
        double fps = 30;

        @Tunable(description = "File extensions that count as frames, without the dot; case is ignored.")
        List<String> extensions = new ArrayList<>(List.of("jpg", "jpeg", "png"));

        @Override
        public void validate(ConfigProblems problems) {
            super.validate(problems);
            if (!(fps > 0) || Double.isInfinite(fps)) {
                problems.add("fps", "must be positive, got " + fps);
            }
            if (extensions.isEmpty()) {
                problems.add("extensions", "must list at least one extension");
            }
        }
    }

    private final Options options;
    private final Path root;
    private final Set<String> extensions = new LinkedHashSet<>();
    private final int shortSide;

    /**
     * Creates the source.
     *
     * @param options validated options
     * @param context resolves the root and supplies the model geometry, sampler and cache folder
     */
    public FrameFolderSource(Options options, ComponentContext context) {
        super(context);
        this.options = options;
        this.root = context.resolve(options.root);
        for (String extension : options.extensions) {
            extensions.add(extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
        }
        this.shortSide = options.targetShortSide(context);
    }

    @Override
    Path indexKey() {
        return root;
    }

    @Override
    String indexKind() {
        return "frames";
    }

    @Override
    String probeSettings() {
        return "kind=frames; fps=" + options.fps + "; extensions=" + String.join("|", extensions);
    }

    @Override
    int scanThreads() {
        return options.scanThreadCount();
    }

    @Override
    List<Candidate> candidates() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("frame folder " + root + " does not exist or is not a folder");
        }
        List<Candidate> found = new ArrayList<>();
        collect(root, found);
        if (found.isEmpty()) {
            throw new IOException(
                    "no folders of frame images (" + String.join(", ", extensions) + ") in " + root);
        }
        return found;
    }

    /**
     * Adds {@code folder} if it contains frames, then searches its sub-folders. Names with a frame
     * extension are counted without a file-system call each, which matters at millions of frames.
     */
    private void collect(Path folder, List<Candidate> found) {
        int frames = 0;
        List<Path> others = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (FileWalker.hidden(entry)) {
                    continue;
                }
                if (FileWalker.matches(entry, extensions)) {
                    frames++;
                } else {
                    others.add(entry);
                }
            }
        } catch (IOException e) {
            LOG.warn("Skipping {}: cannot list it ({})", folder, e.toString());
            return;
        }
        if (frames > 0) {
            try {
                long modified = Files.getLastModifiedTime(folder).toMillis();
                found.add(new Candidate(FileWalker.relative(root, folder), folder, frames, modified));
            } catch (IOException e) {
                LOG.warn("Skipping {}: cannot read its modification time ({})", folder, e.toString());
            }
        }
        others.sort(null);
        for (Path other : others) {
            if (Files.isDirectory(other)) {
                collect(other, found);
            }
        }
    }

    @Override
    ClipIndexer.Prober prober() {
        return candidate -> {
            List<Path> frames = FrameFolderReader.listFrames(candidate.file(), extensions);
            if (frames.isEmpty()) {
                throw new IOException(candidate.file() + " has no frames");
            }
            int[] size = FrameFolderReader.imageSize(frames.get(0));
            return new IndexEntry(
                    candidate.path(), candidate.size(), candidate.modified(), frames.size(), true,
                    options.fps, size[0], size[1], null);
        };
    }

    @Override
    public FrameReader open(ClipInfo clip) throws IOException {
        int[] size = DecodeOptions.decodedSize(clip.width(), clip.height(), shortSide);
        return new FrameFolderReader(Path.of(clip.location()), extensions, size[0], size[1]);
    }

    @Override
    public String describe() {
        return "frame folder " + root;
    }
}
