package org.siammae.experiments.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.random.RunRandom;
import org.siammae.eval.EvalRequest;
import org.siammae.eval.EvalRunner;
import org.siammae.eval.io.Selection;
import org.siammae.eval.report.OutputFolder;
import org.siammae.eval.LoggingProgress;
import org.siammae.eval.davis.DavisEvaluation;
import org.siammae.eval.davis.DavisOptions;
import org.siammae.eval.davis.DavisScores;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.experiments.evaluate.FeatureChoice;
import org.yaml.snakeyaml.Yaml;
import org.siammae.experiments.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code siammae eval}: label propagation on DAVIS, JHMDB or VIP with a checkpoint or a baseline. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate features by label propagation: davis (J&F), jhmdb (PCK) or vip (mIoU).",
            "Writes predictions, CSV tables, summary.json and overlay strips into a new folder.",
            "KEY=VALUE settings use the keys of a descriptor's evaluate entry, e.g. top-k=10"
                    + " sequences=[blackswan] batch-size=2."
        })
final class EvalCommand implements Callable<Integer> {

    private static final String LOCATION = "<command line>";

    @Parameters(index = "0", paramLabel = "TASK", description = "davis, jhmdb or vip")
    String task;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "task and propagation settings")
    List<String> settings = new ArrayList<>();

    @Option(names = "--data", required = true, description = "dataset folder in the task's official layout")
    Path data;

    @Option(names = "--checkpoint", description = "run folder or checkpoint folder of a pretrained model")
    Path checkpoint;

    @Option(
            names = "--features",
            defaultValue = "checkpoint",
            description = "checkpoint, random-init (the checkpoint's encoder, untrained) or raw-pixels")
    String features;

    @Option(names = "--preset", defaultValue = "siammae", description = "propagation protocol: siammae, dino, crw")
    String preset;

    @Option(
            names = "--positional-embedding",
            description = "interpolate (bicubic from the training grid, the default) or recompute (sin-cos on the new grid)")
    String positionalEmbedding;

    @Option(names = "--patch-size", defaultValue = "0", description = "cell size of raw-pixel features; 0 takes the checkpoint's, or 16")
    int patchSize;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the random-init baseline")
    long seed;

    @Option(
            names = "--results",
            description = "DAVIS only: score this results folder (<results>/<sequence>/<frame>.png) instead of propagating")
    Path results;

    @Option(names = "--output", description = "new folder for the results (default runs/eval/<task>-<preset>-<features>-<time>, with"
                    + " --results runs/eval/davis-results-<results folder name>-<time>)")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new ConfigException(
                    ConfigLocation.of(LOCATION).problem("--data", "dataset folder not found: " + data.toAbsolutePath().normalize()));
        }
        if (checkpoint != null && !Files.exists(checkpoint)) {
            throw new ConfigException(
                    ConfigLocation.of(LOCATION).problem("--checkpoint", "not found: " + checkpoint.toAbsolutePath().normalize()));
        }
        if (checkpoint == null && !"raw-pixels".equals(features) && results == null) {
            throw new ConfigException(
                    ConfigLocation.of(LOCATION)
                            .problem(
                                    "--checkpoint",
                                    "features '" + features + "' need a run or checkpoint folder; give --checkpoint,"
                                            + " or --features raw-pixels for the baseline without training"));
        }
        ComponentRegistry registry = ComponentRegistry.discover();
        ComponentContext context = ComponentContext.of(registry, new RunRandom(seed), Path.of("").toAbsolutePath());

        // The same keys as a descriptor's evaluate entry, with values parsed as YAML scalars.
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(EvalRequest.TASK_KEY, task);
        entry.put("data", data.toString());
        entry.put("preset", preset);
        entry.put("features", features);
        entry.put("raw-patch-size", patchSize);
        entry.put("feature-seed", seed);
        if (positionalEmbedding != null) {
            entry.put("positional-embedding", positionalEmbedding);
        }
        Yaml yaml = new Yaml();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(
                        ConfigLocation.of(LOCATION).problem(setting, "expected KEY=VALUE, got '" + setting + "'"));
            }
            entry.put(setting.substring(0, equals), yaml.load(setting.substring(equals + 1)));
        }
        EvalRequest request = EvalRequest.bind(entry, "eval", ConfigLocation.of(LOCATION), context);
        try {
            EvalRunner.checkData(request);
        } catch (Selection.UnknownNameException e) {
            // A name the dataset lacks is invalid input, reported before the model loads.
            throw new ConfigException(ConfigLocation.of(LOCATION).problem(e.optionKey(), e.getMessage()));
        }
        if (results != null) {
            return scoreResults(request);
        }

        Path folder = output != null ? output
                : defaultOutput(String.join("-", task, preset, request.options().features.key()));
        OutputFolder.requireUsable(folder);

        try (NDManager manager = NDManager.newBaseManager()) {
            FrameFeatures frameFeatures = FeatureChoice.build(request.options(), checkpoint, manager, registry);
            EvalRunner.Result result;
            try {
                result = EvalRunner.run(request, frameFeatures, manager, folder, new LoggingProgress());
            } catch (Exception e) {
                // An evaluation that failed before writing anything (data in another layout, say)
                // leaves no empty folder behind.
                RunFolder.deleteIfEmpty(folder);
                throw e;
            }
            System.out.println(result.headline());
            System.out.println("features: " + frameFeatures.description());
            System.out.println("results:  " + folder);
        }
        return 0;
    }

    /** Returns {@code runs/eval/<name>-<time>}, the folder for results without {@code --output}. */
    private static Path defaultOutput(String name) {
        return Path.of("runs", "eval", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    private int scoreResults(EvalRequest request) throws Exception {
        if (!(request.options() instanceof DavisOptions options)) {
            throw new ConfigException(
                    ConfigLocation.of(LOCATION).problem("--results", "scoring a results folder is only available for davis"));
        }
        // Results often lie inside a dataset, so the scores go to runs/eval, not beside them.
        Path folder = output != null ? output
                : defaultOutput("davis-results-" + results.toAbsolutePath().normalize().getFileName());
        DavisScores scores = DavisEvaluation.scoreResults(options, results, folder, new LoggingProgress());
        System.out.printf(
                java.util.Locale.ROOT,
                "davis  J&F-Mean %.2f  J-Mean %.2f  F-Mean %.2f over %d object(s)%n",
                100 * scores.jfMean(), 100 * scores.jMean(), 100 * scores.fMean(), scores.objects().size());
        System.out.println("results:  " + folder);
        return 0;
    }
}
