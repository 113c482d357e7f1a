package org.siammae.experiments.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.siammae.api.checkpoint.TensorFile;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.SiamMae;
import org.siammae.api.nn.ParameterInit;
import org.siammae.api.nn.ParameterPaths;
import org.siammae.api.random.RunRandom;
import org.siammae.experiments.run.RunFolder;

/**
 * Checkpoints of a pretraining run: {@code <run>/checkpoints/step-NNNNNNN/} holding {@code
 * model.safetensors} (parameters by path), {@code optimizer.safetensors} (AdamW moments) and {@code
 * checkpoint.json} (step, model section, geometry), written last so that a folder without it is an
 * interrupted write and is ignored.
 */
public final class ModelCheckpoint {

    /** Parameters file name. */
    public static final String MODEL_FILE = "model.safetensors";

    /** Optimiser state file name. */
    public static final String OPTIMIZER_FILE = "optimizer.safetensors";

    /** Metadata file name; its presence marks a complete checkpoint. */
    public static final String METADATA_FILE = "checkpoint.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The metadata a checkpoint records besides tensors.
     *
     * @param folder the checkpoint folder
     * @param step optimiser steps taken
     * @param metadata the parsed {@code checkpoint.json}
     */
    public record Info(Path folder, long step, Map<String, Object> metadata) {

        /** Returns the model section the checkpoint was trained with. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> modelSection() {
            return (Map<String, Object>) metadata.get("model");
        }

        /** Returns the frames per sample the model was built for. */
        public int frames() {
            return ((Number) metadata.get("frames")).intValue();
        }
    }

    private ModelCheckpoint() {}

    /**
     * Writes a checkpoint.
     *
     * @param runFolder the run
     * @param step optimiser steps taken
     * @param model the model
     * @param optimizerState the AdamW moments by name
     * @param metadata step-independent metadata (model section, frames, seed, descriptor hash)
     * @param keepOlder whether to keep earlier checkpoints of the run
     * @return the checkpoint folder
     * @throws IOException if writing fails
     */
    public static Path write(
            RunFolder runFolder,
            long step,
            SiamMae model,
            Map<String, NDArray> optimizerState,
            Map<String, Object> metadata,
            boolean keepOlder)
            throws IOException {
        Path folder = runFolder.resolve("checkpoints").resolve(String.format("step-%07d", step));
        Files.createDirectories(folder);
        TensorFile.writeParameters(folder.resolve(MODEL_FILE), ParameterPaths.of(model));
        TensorFile.write(folder.resolve(OPTIMIZER_FILE), optimizerState);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", 1);
        json.put("step", step);
        json.putAll(metadata);
        RunFolder.writeAtomically(folder.resolve(METADATA_FILE), JSON.writeValueAsString(json));
        if (!keepOlder) {
            for (Path older : completeCheckpoints(runFolder.path())) {
                if (!older.equals(folder)) {
                    deleteRecursively(older);
                }
            }
        }
        return folder;
    }

    /**
     * Finds the newest complete checkpoint of a run, or reads a checkpoint folder directly.
     *
     * @param path a run folder or a checkpoint folder
     * @throws IOException if there is no complete checkpoint there
     */
    public static Info find(Path path) throws IOException {
        Path folder;
        if (Files.isRegularFile(path.resolve(METADATA_FILE))) {
            folder = path;
        } else {
            List<Path> checkpoints = completeCheckpoints(path);
            if (checkpoints.isEmpty()) {
                throw new NoSuchFileException(
                        path.toString(), null, "no complete checkpoint (a folder with " + METADATA_FILE + ")");
            }
            folder = checkpoints.get(checkpoints.size() - 1);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = JSON.readValue(folder.resolve(METADATA_FILE).toFile(), Map.class);
        return new Info(folder, ((Number) metadata.get("step")).longValue(), metadata);
    }

    /**
     * Returns the newest complete checkpoint of a run, if any.
     *
     * @param runFolder the run folder
     */
    public static Optional<Info> latest(Path runFolder) {
        try {
            return completeCheckpoints(runFolder).isEmpty() ? Optional.empty() : Optional.of(find(runFolder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rebuilds the encoder of a checkpoint with its trained weights.
     *
     * @param path a run folder or checkpoint folder
     * @param manager where the weights live
     * @param registry the component registry
     * @return the encoder, ready for {@link Encoder#denseFeatures}
     * @throws IOException if the checkpoint is missing or does not fit its own model section
     */
    public static Encoder loadEncoder(Path path, NDManager manager, ComponentRegistry registry)
            throws IOException {
        Info info = find(path);
        Encoder encoder = buildEncoder(info, registry);
        ParameterInit.initialize(encoder, manager, new Random(0));
        Path file = info.folder().resolve(MODEL_FILE);
        try (NDManager scratch = manager.newSubManager()) {
            TensorFile.loadInto(
                    file, TensorFile.read(file, scratch), ParameterPaths.of(encoder), SiamMae.ENCODER + ".");
        }
        return encoder;
    }

    /**
     * Rebuilds the encoder of a checkpoint without weights (for the random-initialisation baseline).
     *
     * @param info the checkpoint
     * @param registry the component registry
     */
    public static Encoder buildEncoder(Info info, ComponentRegistry registry) {
        ModelSettings settings = modelSettings(info, registry);
        ComponentContext context = ComponentContext.of(registry, new RunRandom(0), Path.of(""));
        return settings.buildEncoder(settings.geometry(info.frames()), context);
    }

    /**
     * Returns the model section of a checkpoint as settings.
     *
     * @param info the checkpoint
     * @param registry the component registry
     */
    public static ModelSettings modelSettings(Info info, ComponentRegistry registry) {
        ConfigProblems problems =
                new ConfigProblems(ConfigLocation.of(info.folder().resolve(METADATA_FILE).toString()));
        ModelSettings settings = ModelSettings.parse(info.modelSection(), problems, registry);
        problems.throwIfAny();
        return settings;
    }

    /**
     * Returns the metadata describing a model for its checkpoints.
     *
     * @param settings the model section
     * @param geometry the built geometry
     * @param registry the component registry, to resolve component defaults
     */
    public static Map<String, Object> modelMetadata(
            ModelSettings settings, ModelGeometry geometry, ComponentRegistry registry) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("model", settings.toResolvedMap(registry));
        metadata.put("frames", geometry.frames());
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("image_height", geometry.imageHeight());
        layout.put("image_width", geometry.imageWidth());
        layout.put("patch_size", geometry.patchSize());
        layout.put("channels", geometry.channels());
        layout.put("frames", geometry.frames());
        metadata.put("geometry", layout);
        return metadata;
    }

    private static List<Path> completeCheckpoints(Path runFolder) throws IOException {
        Path root = runFolder.resolve("checkpoints");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().startsWith("step-"))
                    .filter(p -> Files.isRegularFile(p.resolve(METADATA_FILE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
