package org.siammae.experiments.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.siammae.experiments.run.RunFolder;
import org.siammae.experiments.sweep.CellFolder;
import org.siammae.experiments.sweep.CellRun;
import org.siammae.experiments.sweep.TablePlan;

/**
 * Exports a table as a Slurm job array: one array task per run (cell and seed), each calling
 * {@code siammae run DESCRIPTOR ... --array-index $SLURM_ARRAY_TASK_ID --no-report}, and a report
 * job that starts when the array has ended and merges the finished runs. Writes {@code runs.tsv},
 * {@code array.sbatch}, {@code report.sbatch} and {@code submit.sh} into one folder.
 *
 * <p>Array tasks share the table folder, so it must be on a file system that every node mounts. Each
 * task writes only its own run folder; re-submitting skips finished runs and resumes the others.
 */
public final class SlurmExport {

    /** The environment variable that stops the launcher from rebuilding inside a job. */
    static final String NO_BUILD = "SIAMMAE_NO_BUILD";

    /**
     * Resources and paths of the jobs.
     *
     * @param directory where the scripts go
     * @param launcher the {@code siammae} launcher the jobs call
     * @param partition the partition, or null for the cluster's default
     * @param time the time limit of one task ({@code HH:MM:SS} or {@code D-HH:MM:SS}), or null
     * @param gpus GPUs per task (0: none requested)
     * @param cpus CPUs per task
     * @param memory memory per task, such as {@code 64G}, or null
     * @param maxParallel the most tasks running at once (0: no limit)
     * @param extraLines further {@code #SBATCH} options, such as {@code --account=vision}
     */
    public record Options(
            Path directory, Path launcher, String partition, String time, int gpus, int cpus, String memory,
            int maxParallel, List<String> extraLines) {}

    private SlurmExport() {}

    /**
     * Writes the job scripts of a table.
     *
     * @param plan the checked table
     * @param descriptor the table descriptor as given on the command line
     * @param overrides the command-line overrides, passed on to every job
     * @param options resources and paths
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(TablePlan plan, Path descriptor, List<String> overrides, Options options)
            throws IOException {
        Path directory = options.directory().toAbsolutePath().normalize();
        Files.createDirectories(directory.resolve("logs"));
        Path workingDirectory = Path.of("").toAbsolutePath();
        List<String> arguments = new ArrayList<>();
        arguments.add(quote(descriptor.toString()));
        overrides.forEach(o -> arguments.add(quote(o)));
        String launcher = quote(options.launcher().toString());
        String runCommand = launcher + " run " + String.join(" ", arguments);
        String reportCommand = launcher + " report " + String.join(" ", arguments);

        StringBuilder runs = new StringBuilder("index\trun\tcell\tseed\tstatus\tfolder\n");
        for (CellRun run : plan.runs()) {
            runs.append(run.index()).append('\t').append(run.label()).append('\t').append(run.cell().id())
                    .append('\t').append(run.seed()).append('\t')
                    .append(CellFolder.status(run).name().toLowerCase(java.util.Locale.ROOT)).append('\t')
                    .append(run.folder().toAbsolutePath()).append('\n');
        }

        String array = header(plan, options, directory, "", "%A_%a")
                + "#SBATCH --array=0-" + (plan.runs().size() - 1)
                + (options.maxParallel() > 0 ? "%" + options.maxParallel() : "") + "\n"
                // SIGTERM to the task (the exec'd launcher) 180 s before its time limit: training
                // saves a checkpoint of its current step, and the resubmitted task resumes from it.
                + "#SBATCH --signal=B:TERM@180\n"
                + resources(options)
                + body(workingDirectory)
                + "# Task i runs line i+1 of runs.tsv; a finished run exits at once, an unfinished one resumes.\n"
                + "exec " + runCommand + " --array-index \"$SLURM_ARRAY_TASK_ID\" --no-report\n";
        String report = header(plan, options, directory, "-report", "report-%j")
                + "#SBATCH --cpus-per-task=1\n"
                + (options.partition() == null ? "" : "#SBATCH --partition=" + options.partition() + "\n")
                + body(workingDirectory)
                + "exec " + reportCommand + "\n";
        String submit = "#!/usr/bin/env bash\n"
                + "# Submits the array, then the report job, which starts when every array task has ended\n"
                + "# (finished or failed) and merges the finished runs into the table report.\n"
                + "set -euo pipefail\n"
                + "cd \"$(dirname \"$0\")\"\n"
                + "array=$(sbatch --parsable array.sbatch)\n"
                + "array=${array%%;*}\n"
                + "echo \"array job $array: " + plan.runs().size() + " runs\"\n"
                + "sbatch --dependency=afterany:$array report.sbatch\n";

        List<Path> files = new ArrayList<>();
        files.add(RunFolder.writeAtomically(directory.resolve("runs.tsv"), runs.toString()));
        files.add(executable(RunFolder.writeAtomically(directory.resolve("array.sbatch"), array)));
        files.add(executable(RunFolder.writeAtomically(directory.resolve("report.sbatch"), report)));
        files.add(executable(RunFolder.writeAtomically(directory.resolve("submit.sh"), submit)));
        return files;
    }

    private static String header(TablePlan plan, Options options, Path directory, String suffix, String log) {
        StringBuilder text = new StringBuilder("#!/usr/bin/env bash\n");
        text.append("# Table ").append(plan.name()).append(": written by 'siammae slurm' at ")
                .append(Instant.now()).append(".\n");
        text.append("#SBATCH --job-name=siammae-").append(plan.folder().getFileName()).append(suffix).append('\n');
        text.append("#SBATCH --output=").append(directory.resolve("logs")).append('/').append(log).append(".out\n");
        for (String line : options.extraLines()) {
            text.append("#SBATCH ").append(line.strip()).append('\n');
        }
        return text.toString();
    }

    private static String resources(Options options) {
        StringBuilder text = new StringBuilder();
        if (options.partition() != null) {
            text.append("#SBATCH --partition=").append(options.partition()).append('\n');
        }
        if (options.time() != null) {
            text.append("#SBATCH --time=").append(options.time()).append('\n');
        }
        if (options.gpus() > 0) {
            text.append("#SBATCH --gres=gpu:").append(options.gpus()).append('\n');
        }
        text.append("#SBATCH --cpus-per-task=").append(options.cpus()).append('\n');
        if (options.memory() != null) {
            text.append("#SBATCH --mem=").append(options.memory()).append('\n');
        }
        return text.toString();
    }

    private static String body(Path workingDirectory) {
        return "set -euo pipefail\n"
                + "# Relative paths in the descriptor resolve against this folder.\n"
                + "cd " + quote(workingDirectory.toString()) + "\n"
                + "# The launcher was built when the scripts were written; tasks must not rebuild it at once.\n"
                + "export " + NO_BUILD + "=1\n";
    }

    /**
     * Quotes a word for bash with single quotes.
     *
     * @param word any text
     */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static Path executable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the scripts still run with 'bash FILE' or 'sbatch FILE'.
        }
        return file;
    }
}
