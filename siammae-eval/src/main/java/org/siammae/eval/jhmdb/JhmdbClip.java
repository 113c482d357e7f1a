package org.siammae.eval.jhmdb;

import java.nio.file.Path;
import java.util.List;

/**
 * One JHMDB clip on disk.
 *
 * @param name {@code <class>/<clip>}
 * @param frames the PNG frames in order
 * @param joints the {@code joint_positions.mat} file
 */
public record JhmdbClip(String name, List<Path> frames, Path joints) {

    public JhmdbClip {
        frames = List.copyOf(frames);
    }
}
