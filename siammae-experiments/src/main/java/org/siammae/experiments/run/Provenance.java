package org.siammae.experiments.run;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The environment a run's results depend on, recorded by the framework at the start of every run.
 * It covers the versions of Java, DJL, PyTorch and this project, the git commit and whether the
 * working tree had changes, the machine and device, and the time.
 */
public final class Provenance {

    private Provenance() {}

    /**
     * Collects the environment of this process.
     *
     * @param device the device the model runs on, as text
     */
    public static Map<String, Object> environment(String device) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("siammae_version", projectVersion());
        info.put("java_version", System.getProperty("java.version"));
        info.put("java_vendor", System.getProperty("java.vendor"));
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        info.put("djl_version", Engine.getDjlVersion());
        Engine engine = Engine.getInstance();
        info.put("engine", engine.getEngineName() + " " + engine.getVersion());
        info.put("gpu_count", engine.getGpuCount());
        info.put("device", device);
        info.put("cpu_cores", Runtime.getRuntime().availableProcessors());
        info.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        info.put("host", hostName());
        info.putAll(git(Path.of("").toAbsolutePath()));
        info.put("started", Instant.now().toString());
        return info;
    }

    /** Returns this project's version from the build, or {@code unknown}. */
    public static String projectVersion() {
        return buildProperty("version", "unknown");
    }

    /**
     * Returns a value recorded by the build in {@code version.properties}.
     *
     * @param key the property name
     * @param fallback the value when the file or key is missing
     */
    public static String buildProperty(String key, String fallback) {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/siammae/experiments/version.properties")) {
            if (in == null) {
                return fallback;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key, fallback);
        } catch (IOException e) {
            return fallback;
        }
    }

    /**
     * Returns the git commit of a folder and whether its working tree has uncommitted changes.
     *
     * @param folder a folder inside a git checkout
     */
    static Map<String, Object> git(Path folder) {
        Map<String, Object> info = new LinkedHashMap<>();
        String commit = runGit(folder, "rev-parse", "HEAD");
        info.put("git_commit", commit == null ? "unknown (not a git checkout or git missing)" : commit);
        String status = commit == null ? null : runGit(folder, "status", "--porcelain", "--untracked-files=no");
        info.put("git_dirty", status == null ? null : !status.isEmpty());
        return info;
    }

    private static String runGit(Path folder, String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
