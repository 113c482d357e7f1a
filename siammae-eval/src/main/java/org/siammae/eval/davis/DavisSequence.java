package org.siammae.eval.davis;

import java.nio.file.Path;
import java.util.List;

/**
 * One DAVIS sequence on disk.
 *
 * @param name the sequence name (its folder name)
 * @param frames the JPEG frames, in order
 * @param annotations the annotation PNGs, in order; the first belongs to the first frame
 */
public record DavisSequence(String name, List<Path> frames, List<Path> annotations) {

    public DavisSequence {
        frames = List.copyOf(frames);
        annotations = List.copyOf(annotations);
    }

    /** Returns whether every frame has an annotation, so the sequence can be scored. */
    public boolean fullyAnnotated() {
        return annotations.size() == frames.size();
    }

    /**
     * Returns the id of a frame: its file name without extension ({@code 00000}).
     *
     * @param index the frame index
     */
    public String frameId(int index) {
        return stem(frames.get(index));
    }

    /**
     * Returns a file name without its extension.
     *
     * @param file a path
     */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
