package org.siammae.eval.davis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.siammae.eval.io.Selection;

/**
 * A DAVIS dataset folder in the official layout: {@code JPEGImages/<resolution>/<seq>/00000.jpg},
 * {@code Annotations/<resolution>/<seq>/00000.png} and optionally {@code ImageSets/2017/<subset>.txt}.
 *
 * @param root the dataset folder
 * @param resolution the resolution folder, normally {@code 480p}
 * @param sequences the sequences to evaluate, in order
 * @param format how annotation values map to objects
 */
public record DavisDataset(
        Path root, String resolution, List<DavisSequence> sequences, AnnotationFormat format) {

    public DavisDataset {
        sequences = List.copyOf(sequences);
    }

    /**
     * Opens a dataset folder.
     *
     * <p>The sequences are the names in {@code ImageSets/2017/<subset>.txt} when that file exists,
     * otherwise every folder under {@code Annotations/<resolution>}, sorted; {@code only}, when not
     * empty, narrows them to the names it lists.
     *
     * @param root the dataset folder
     * @param resolution the resolution folder, normally {@code 480p}
     * @param subset the image set, normally {@code val}
     * @param only sequence names to keep; empty keeps all
     * @param format how annotation values map to objects
     * @throws IOException if a folder is missing or unreadable
     */
    public static DavisDataset open(
            Path root, String resolution, String subset, List<String> only, AnnotationFormat format)
            throws IOException {
        Path annotations = root.resolve("Annotations").resolve(resolution);
        Path images = root.resolve("JPEGImages").resolve(resolution);
        if (!Files.isDirectory(annotations) || !Files.isDirectory(images)) {
            throw new NoSuchFileException(
                    root.toString(),
                    null,
                    "not a DAVIS folder: expected JPEGImages/"
                            + resolution
                            + " and Annotations/"
                            + resolution
                            + " inside it");
        }
        List<String> names = new ArrayList<>();
        Path imageSet = root.resolve("ImageSets").resolve("2017").resolve(subset + ".txt");
        if (Files.isRegularFile(imageSet)) {
            for (String line : Files.readAllLines(imageSet)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } else {
            try (Stream<Path> children = Files.list(annotations)) {
                children.filter(Files::isDirectory)
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .forEach(names::add);
            }
        }
        if (!only.isEmpty()) {
            Selection.requireAvailable("sequence", "sequences", only, names, root);
            names.retainAll(only);
        }
        List<DavisSequence> sequences = new ArrayList<>();
        for (String name : names) {
            List<Path> frames = listFiles(images.resolve(name), ".jpg");
            List<Path> masks = listFiles(annotations.resolve(name), ".png");
            if (frames.isEmpty()) {
                throw new NoSuchFileException(images.resolve(name).toString(), null, "no JPEG frames");
            }
            if (masks.isEmpty()) {
                throw new NoSuchFileException(
                        annotations.resolve(name).toString(), null, "no annotation PNGs");
            }
            String firstFrame = DavisSequence.stem(frames.get(0));
            String firstMask = DavisSequence.stem(masks.get(0));
            if (!firstFrame.equals(firstMask)) {
                throw new IllegalArgumentException(
                        "sequence "
                                + name
                                + ": the first annotation "
                                + masks.get(0).getFileName()
                                + " does not belong to the first frame "
                                + frames.get(0).getFileName());
            }
            sequences.add(new DavisSequence(name, frames, masks));
        }
        return new DavisDataset(root, resolution, sequences, format);
    }

    /**
     * Lists the files of a folder with an extension, sorted by name.
     *
     * @param folder the folder
     * @param extension the extension with its dot, matched case-insensitively
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> listFiles(Path folder, String extension) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile)
                    .filter(
                            p ->
                                    p.getFileName()
                                            .toString()
                                            .toLowerCase(Locale.ROOT)
                                            .endsWith(extension))
                    .sorted()
                    .toList();
        }
    }
}
