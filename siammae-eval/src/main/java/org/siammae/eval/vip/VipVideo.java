package org.siammae.eval.vip;

import java.nio.file.Path;
import java.util.List;

/**
 * One VIP video on disk: frames and class-id annotations paired by file name.
 *
 * @param name the video folder name
 * @param frames the JPEG frames in order
 * @param annotations the class-id PNG of each frame, same order
 */
public record VipVideo(String name, List<Path> frames, List<Path> annotations) {

    public VipVideo {
        frames = List.copyOf(frames);
        annotations = List.copyOf(annotations);
    }
}
