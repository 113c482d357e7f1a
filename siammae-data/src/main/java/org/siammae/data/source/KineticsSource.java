package org.siammae.data.source;

import java.nio.file.Path;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.config.Tunable;

/**
 * A Kinetics-style tree, {@code ROOT/<split>/<class>/<clip>.mp4|webm|mkv|avi}: the video files of
 * one split, found at any depth below it.
 */
public final class KineticsSource {

    /** Options of {@code kinetics}. */
    public static final class Options extends VideoFolderSource.Options {

        @Tunable(description = "Sub-folder of the root holding the split; empty reads the root itself.")
        String split = "train";
    }

    private KineticsSource() {}

    /**
     * Creates the source.
     *
     * @param options validated options
     * @param context resolves the root and supplies the model geometry, sampler and cache folder
     */
    public static VideoFolderSource create(Options options, ComponentContext context) {
        Path root = context.resolve(options.root);
        if (options.split != null && !options.split.isBlank()) {
            root = root.resolve(options.split).normalize();
        }
        return new VideoFolderSource(options, root, "kinetics split", context);
    }
}
