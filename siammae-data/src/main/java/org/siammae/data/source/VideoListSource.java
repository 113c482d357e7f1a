package org.siammae.data.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.data.index.Candidate;

/**
 * The video files named in a text file, one path per line.
 *
 * <p>Blank lines and lines starting with {@code #} are ignored. A line that is not an existing
 * path but contains whitespace is read as {@code <path> <anything>}, as in MMAction2's annotation
 * lists ({@code some/clip.mp4 12}). Relative paths resolve against {@code prefix}, or against the
 * list file's folder when {@code prefix} is empty. Listed files that do not exist are skipped and
 * reported like unreadable ones.
 */
public final class VideoListSource extends VideoFileSource {

    /** Options of {@code video-list}. */
    public static final class Options extends VideoOptions {

        @Tunable(
                description =
                        "Text file listing one video path per line; relative to the working"
                                + " directory.",
                required = true)
        String list;

        @Tunable(
                description =
                        "Folder that relative paths in the list resolve against; empty means the"
                                + " list file's folder.")
        String prefix = "";

        @Override
        public void validate(ConfigProblems problems) {
            super.validate(problems);
            if (list != null && list.isBlank()) {
                problems.add("list", "must name a file");
            }
        }
    }

    private final Path listFile;
    private final Path base;

    /**
     * Creates the source.
     *
     * @param options validated options
     * @param context resolves the paths and supplies the model geometry, sampler and cache folder
     */
    public VideoListSource(Options options, ComponentContext context) {
        super(options, context);
        this.listFile = context.resolve(options.list);
        Path folder = listFile.getParent() == null ? Path.of("") : listFile.getParent();
        this.base = options.prefix.isBlank() ? folder : context.resolve(options.prefix);
    }

    @Override
    Path indexKey() {
        return listFile;
    }

    @Override
    String indexKind() {
        return "list";
    }

    @Override
    String probeSettings() {
        return "kind=list; base=" + base + "; " + probeOptions();
    }

    @Override
    List<Candidate> candidates() throws IOException {
        if (!Files.isRegularFile(listFile)) {
            throw new IOException("clip list " + listFile + " does not exist or is not a file");
        }
        List<String> lines = Files.readAllLines(listFile, StandardCharsets.UTF_8);
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String entry = line;
            Path file = base.resolve(entry).normalize();
            if (!Files.exists(file) && line.split("\\s+").length > 1) {
                entry = line.split("\\s+")[0];
                file = base.resolve(entry).normalize();
            }
            if (!seen.add(entry)) {
                continue; // listed twice: index and sample it once
            }
            candidates.add(candidate(entry, file));
        }
        if (candidates.isEmpty()) {
            throw new IOException("clip list " + listFile + " names no file");
        }
        return candidates;
    }

    /** Describes a listed file; a missing one gets size and time -1 so that probing reports it. */
    private static Candidate candidate(String entry, Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Candidate(entry, file, attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return new Candidate(entry, file, -1, -1);
        }
    }

    @Override
    public String describe() {
        return "clip list " + listFile;
    }
}
