package org.siammae.eval.jhmdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.siammae.eval.davis.DavisDataset;
import org.siammae.eval.io.Selection;

/**
 * A JHMDB folder in the native layout: {@code Rename_Images/<class>/<clip>/00001.png} and {@code
 * joint_positions/<class>/<clip>/joint_positions.mat}.
 */
public final class JhmdbDataset {

    private JhmdbDataset() {}

    /**
     * Lists the clips that have both frames and joint positions.
     *
     * @param root the dataset folder
     * @param only clip names ({@code <class>/<clip>}) to keep; empty keeps all
     * @throws IOException if the layout is missing or a requested clip does not exist
     */
    public static List<JhmdbClip> open(Path root, List<String> only) throws IOException {
        Path images = root.resolve("Rename_Images");
        Path joints = root.resolve("joint_positions");
        if (!Files.isDirectory(images) || !Files.isDirectory(joints)) {
            throw new NoSuchFileException(
                    root.toString(), null, "not a JHMDB folder: expected Rename_Images and joint_positions");
        }
        List<JhmdbClip> clips = new ArrayList<>();
        for (Path classFolder : sortedFolders(images)) {
            for (Path clipFolder : sortedFolders(classFolder)) {
                String name = classFolder.getFileName() + "/" + clipFolder.getFileName();
                Path matFile = joints.resolve(name).resolve("joint_positions.mat");
                List<Path> frames = DavisDataset.listFiles(clipFolder, ".png");
                if (Files.isRegularFile(matFile) && !frames.isEmpty()) {
                    clips.add(new JhmdbClip(name, frames, matFile));
                }
            }
        }
        if (!only.isEmpty()) {
            List<String> names = clips.stream().map(JhmdbClip::name).toList();
            Selection.requireAvailable("clip", "clips", only, names, root);
            clips.removeIf(clip -> !only.contains(clip.name()));
        }
        if (clips.isEmpty()) {
            throw new NoSuchFileException(root.toString(), null, "no clip with frames and joint_positions.mat");
        }
        return clips;
    }

    private static List<Path> sortedFolders(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }
}
