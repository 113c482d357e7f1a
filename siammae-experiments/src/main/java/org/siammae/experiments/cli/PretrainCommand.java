package org.siammae.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.random.RunRandom;
import org.siammae.experiments.ExperimentSpec;
import org.siammae.experiments.evaluate.EvaluationResult;
import org.siammae.experiments.evaluate.EvaluationStep;
import org.siammae.experiments.run.RunFolder;
import org.siammae.experiments.sweep.DataRoots;
import org.siammae.experiments.train.Pretrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code siammae pretrain}: trains a model from a descriptor into a fresh run folder. */
@Command(
        name = "pretrain",
        mixinStandardHelpOptions = true,
        description = {
            "Pretrain a SiamMAE model from an experiment descriptor.",
            "Writes descriptor.yaml, provenance.json, metrics.csv, checkpoints/ and summary.json into a"
                    + " new folder <output>/<name>-<timestamp>; an earlier run is never overwritten."
        })
final class PretrainCommand implements Callable<Integer> {

    @Mixin DescriptorArguments arguments;

    @Override
    public Integer call() throws Exception {
        ComponentRegistry registry = ComponentRegistry.discover();
        ExperimentSpec spec = ExperimentSpec.parse(arguments.load(), registry, Set.of());
        DataRoots.requireExisting(spec, registry);
        RunFolder folder = RunFolder.create(Path.of(spec.output()), spec.name());
        try {
            return train(spec, registry, folder);
        } catch (Exception e) {
            // A run that failed before writing anything (unreadable data, say) leaves no folder.
            folder.deleteIfEmpty();
            throw e;
        }
    }

    /** Trains into a folder and prints where the results are. */
    static int train(ExperimentSpec spec, ComponentRegistry registry, RunFolder folder) throws Exception {
        Pretrainer.Result result = new Pretrainer(spec, registry).run(folder);
        int window = spec.train().logEvery();
        System.out.printf(
                "run folder: %s%ncheckpoint: %s%nmean loss of the first %d steps %.4f, of the last %d steps %.4f"
                        + " (%d steps; this session %.0f s)%n",
                result.runFolder(), result.checkpoint(), window, result.firstLoss(), window, result.finalLoss(),
                result.steps(), result.wallSeconds());
        if (!Files.isDirectory(result.checkpoint())) {
            return 1;
        }
        if (!spec.evaluate().isEmpty()) {
            ComponentContext context =
                    ComponentContext.of(registry, new RunRandom(spec.seed()), Path.of("").toAbsolutePath());
            for (EvaluationResult evaluation :
                    EvaluationStep.run(
                            spec.evaluate(),
                            spec.descriptor().location(),
                            context,
                            result.runFolder().path(),
                            result.checkpoint())) {
                System.out.println(
                        "evaluation " + EvaluationStep.headline(evaluation.task(), evaluation)
                                + " (" + evaluation.summary() + ")");
            }
        }
        return 0;
    }
}
