package org.siammae.eval.vip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.siammae.eval.davis.DavisDataset;
import org.siammae.eval.davis.DavisSequence;
import org.siammae.eval.io.Selection;

/**
 * A VIP folder in its release layout: {@code Images/<video>/*.jpg} and {@code
 * Annotations/Category_ids/<video>/*.png} with one class id per pixel.
 */
public final class VipDataset {

    private VipDataset() {}

    /**
     * Lists the videos, pairing each frame with the annotation of the same name.
     *
     * @param root the dataset folder
     * @param only video names to keep; empty keeps all
     * @throws IOException if the layout is missing or a frame has no annotation
     */
    public static List<VipVideo> open(Path root, List<String> only) throws IOException {
        Path images = root.resolve("Images");
        Path annotations = root.resolve("Annotations").resolve("Category_ids");
        if (!Files.isDirectory(images) || !Files.isDirectory(annotations)) {
            throw new NoSuchFileException(
                    root.toString(), null, "not a VIP folder: expected Images and Annotations/Category_ids");
        }
        List<String> names;
        try (Stream<Path> children = Files.list(images)) {
            names = children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        Selection.requireAvailable("video", "videos", only, names, root);
        List<VipVideo> videos = new ArrayList<>();
        for (String name : names) {
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            List<Path> frames = DavisDataset.listFiles(images.resolve(name), ".jpg");
            List<Path> labels = new ArrayList<>(frames.size());
            for (Path frame : frames) {
                Path label = annotations.resolve(name).resolve(DavisSequence.stem(frame) + ".png");
                if (!Files.isRegularFile(label)) {
                    throw new NoSuchFileException(label.toString(), null, "missing annotation of frame " + frame);
                }
                labels.add(label);
            }
            if (!frames.isEmpty()) {
                videos.add(new VipVideo(name, frames, labels));
            }
        }
        return videos;
    }
}
