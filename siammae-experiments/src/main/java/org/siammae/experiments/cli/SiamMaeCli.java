package org.siammae.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.siammae.api.config.ConfigException;
import org.siammae.experiments.run.Provenance;
import org.siammae.experiments.train.Pretrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code siammae} command: pretraining, evaluation, experiments and component listings. */
@Command(
        name = "siammae",
        mixinStandardHelpOptions = true,
        versionProvider = SiamMaeCli.Version.class,
        description = "Siamese masked autoencoders: pretrain on video frame pairs, evaluate by label propagation.",
        subcommands = {
            PretrainCommand.class,
            ResumeCommand.class,
            EvalCommand.class,
            RunCommand.class,
            ReportCommand.class,
            SlurmCommand.class,
            CheckCommand.class,
            ComponentsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SiamMaeCli implements Runnable {

    /** DJL's switch that forbids downloading an engine at run time. */
    private static final String OFFLINE_PROPERTY = "ai.djl.offline";

    /** Exit status of a command whose descriptor or arguments are invalid. */
    public static final int INVALID_INPUT = 2;

    /** Exit status of a command stopped by a signal, as shells report SIGINT (128 + 2). */
    public static final int STOPPED = 130;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            // The build decides: true with the bundled CPU libtorch, false under the gpu profile.
            System.setProperty(OFFLINE_PROPERTY, Provenance.buildProperty("djl_offline", "true"));
        }
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit status (tests call this).
     *
     * @param args the arguments
     */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new SiamMaeCli());
        commandLine.setExecutionExceptionHandler(SiamMaeCli::handle);
        return commandLine.execute(args);
    }

    private static int handle(Exception error, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (error instanceof ConfigException config) {
            err.println("error: " + config.getMessage());
            return INVALID_INPUT;
        }
        if (error instanceof FileAlreadyExistsException taken) {
            String reason = taken.getReason() == null ? "already exists" : taken.getReason();
            err.println("error: " + taken.getFile() + ": " + reason);
            return INVALID_INPUT;
        }
        if (error instanceof NoSuchFileException missing) {
            String reason = missing.getReason() == null ? "file not found" : missing.getReason();
            err.println("error: " + reason + ": " + missing.getFile());
            return INVALID_INPUT;
        }
        if (error instanceof IOException io) {
            err.println("error: " + io.getMessage());
            return 1;
        }
        if (error instanceof Pretrainer.StoppedException) {
            // A stop (Ctrl-C, SIGTERM): the shutdown hook prints where the run stopped and how to go on.
            return STOPPED;
        }
        if (error instanceof InterruptedException) {
            err.println("stopped: " + error.getMessage());
            return STOPPED;
        }
        if (error instanceof IllegalStateException || error instanceof IllegalArgumentException) {
            err.println("error: " + error.getMessage());
            return 1;
        }
        throw new IllegalStateException(error);
    }

    /** Prints this project's version with DJL's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"siammae " + Provenance.projectVersion() + " (DJL " + ai.djl.engine.Engine.getDjlVersion() + ")"};
        }
    }
}
