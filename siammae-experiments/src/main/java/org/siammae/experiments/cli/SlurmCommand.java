package org.siammae.experiments.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.experiments.slurm.SlurmExport;
import org.siammae.experiments.sweep.TablePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code siammae slurm}: exports a table as a Slurm job array plus a report job. */
@Command(
        name = "slurm",
        mixinStandardHelpOptions = true,
        description = {
            "Write a Slurm job array for a table (one run per array task) and a report job that merges"
                    + " the finished runs afterwards; submit both with the generated submit.sh.",
            "The descriptor is checked first, with every problem reported at once."
        })
final class SlurmCommand implements Callable<Integer> {

    @Mixin DescriptorArguments arguments;

    @Option(names = "--dir", paramLabel = "DIR", description = "where the scripts go (default: <table folder>/slurm)")
    Path directory;

    @Option(names = "--partition", description = "Slurm partition (default: the cluster's default)")
    String partition;

    @Option(names = "--time", description = "time limit of one task, e.g. 2-00:00:00 (default: the partition's)")
    String time;

    @Option(names = "--gpus", description = "GPUs per task (default: ${DEFAULT-VALUE})")
    int gpus = 1;

    @Option(names = "--cpus", description = "CPUs per task, for data workers (default: ${DEFAULT-VALUE})")
    int cpus = 8;

    @Option(names = "--mem", description = "memory per task, e.g. 64G (default: the partition's)")
    String memory;

    @Option(names = "--max-parallel", description = "most tasks running at once; 0 means no limit (default: ${DEFAULT-VALUE})")
    int maxParallel;

    @Option(names = "--sbatch", paramLabel = "OPTION",
            description = "a further #SBATCH option, e.g. --sbatch=--account=vision; repeatable")
    List<String> extra = new ArrayList<>();

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "the siammae launcher the jobs call (default: the one running this command)")
    Path launcher;

    @Override
    public Integer call() throws Exception {
        TablePlan plan = TablePlan.load(
                arguments.descriptor, arguments.overrides, ComponentRegistry.discover(), TablePlan.Purpose.REPORT);
        Path folder = directory != null ? directory : plan.folder().resolve("slurm");
        Path command = launcher != null ? launcher.toAbsolutePath() : defaultLauncher();
        SlurmExport.Options options = new SlurmExport.Options(
                folder, command, partition, time, gpus, cpus, memory, maxParallel, extra);
        List<Path> files = SlurmExport.write(plan, arguments.descriptor, arguments.overrides, options);
        files.forEach(file -> System.out.println("wrote " + file));
        System.out.printf("%d runs; submit with: %s%n", plan.runs().size(), folder.toAbsolutePath().resolve("submit.sh"));
        return 0;
    }

    /**
     * Returns the launcher of the checkout this command runs from (the nearest folder above its
     * classes or jar that has {@code bin/siammae}), or the bare name {@code siammae}, found on the
     * jobs' PATH.
     */
    private static Path defaultLauncher() {
        CodeSource source = SlurmCommand.class.getProtectionDomain().getCodeSource();
        if (source != null) {
            try {
                for (Path folder = Path.of(source.getLocation().toURI()); folder != null; folder = folder.getParent()) {
                    Path candidate = folder.resolve("bin").resolve("siammae");
                    if (Files.isExecutable(candidate)) {
                        return candidate.toAbsolutePath();
                    }
                }
            } catch (URISyntaxException e) {
                // Fall back to the PATH below.
            }
        }
        return Path.of("siammae");
    }
}
