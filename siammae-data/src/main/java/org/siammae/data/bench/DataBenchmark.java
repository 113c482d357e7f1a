package org.siammae.data.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.random.RunRandom;
import org.siammae.data.DataPipeline;
import org.siammae.data.DataPlugin;
import org.siammae.data.DataSettings;
import org.siammae.data.video.VideoDecoder;

/**
 * Measures the training data rate in frame pairs per second through the whole pipeline (decode,
 * random resized crop to the output size, flip, normalise, batch) for several worker counts. It
 * also measures the decoder alone, in frames per second over every frame of each clip. Each rate
 * is also given per CPU-second of this process (all threads).
 *
 * <p>Last, it indexes a temporary Kinetics-like tree of {@code --index-files} links to the clips,
 * once from scratch and once from the stored index.
 *
 * <p>Usage: {@code DataBenchmark [--videos DIR] [--size 224] [--workers 1,2,4] [--batch 32]
 * [--seconds 20] [--cache DIR] [--index-files 2000]}. Prints Markdown tables. The clip index of
 * the video folder goes to {@code --cache} (a temporary folder by default), never into the video
 * folder.
 */
public final class DataBenchmark {

    private DataBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args the options above
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path videos = Path.of(options.getOrDefault("videos", "../shared/data/videos")).toAbsolutePath().normalize();
        int size = Integer.parseInt(options.getOrDefault("size", "224"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "32"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "20"));
        int[] workerCounts =
                Arrays.stream(options.getOrDefault("workers", "1,2,4").split(","))
                        .mapToInt(Integer::parseInt)
                        .toArray();
        Path cache =
                options.containsKey("cache")
                        ? Path.of(options.get("cache"))
                        : Files.createTempDirectory("siammae-bench-index");
        if (!Files.isDirectory(videos)) {
            throw new IOException("video folder " + videos + " not found; pass --videos DIR");
        }

        ComponentRegistry registry = ComponentRegistry.of(new DataPlugin());
        ModelGeometry geometry = ModelGeometry.pairs(size, 16);
        System.out.printf(Locale.ROOT, "Data pipeline on %s: %d x %d pairs, batch %d, repeated sampling 2,"
                + " %d processors, %.0f s per row%n%n", videos, size, size, batch,
                Runtime.getRuntime().availableProcessors(), seconds);
        System.out.println("| workers | pairs/s | pairs per CPU-second | batches | ms per batch |");
        System.out.println("|---:|---:|---:|---:|---:|");
        List<ClipInfo> clips = null;
        for (int workers : workerCounts) {
            DataSettings settings = settings(registry, videos, cache, batch, workers);
            ComponentContext context = ComponentContext.of(registry, new RunRandom(0), Path.of("."));
            try (DataPipeline pipeline = DataPipeline.open(settings, geometry, context)) {
                clips = pipeline.source().clips();
                for (int i = 0; i < 2; i++) {
                    pipeline.next(); // warm-up: JIT, page cache, native libraries
                }
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                int batches = 0;
                while (System.nanoTime() - start < seconds * 1e9 || batches < 3) {
                    pipeline.next();
                    batches++;
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                double cpu = (processCpuNanos() - cpuStart) / 1e9;
                System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %d | %.0f |%n", workers,
                        batches * batch / elapsed, batches * batch / cpu, batches, 1000 * elapsed / batches);
            }
        }
        decodeAll(clips, size);
        int indexFiles = Integer.parseInt(options.getOrDefault("index-files", "2000"));
        if (indexFiles > 0) {
            indexRate(registry, videos, indexFiles, geometry);
        }
    }

    /**
     * Prints how fast a folder of {@code count} clips is indexed, first from scratch and then from
     * the stored index. The folder contains symbolic links to the benchmark clips, 50 per class
     * folder as in Kinetics, so it costs no disk space.
     */
    private static void indexRate(
            ComponentRegistry registry, Path videos, int count, ModelGeometry geometry)
            throws IOException {
        List<Path> clips;
        try (var files = Files.list(videos)) {
            clips = files.filter(Files::isRegularFile).sorted().toList();
        }
        Path root = Files.createTempDirectory("siammae-bench-tree");
        for (int i = 0; i < count; i++) {
            Path clip = clips.get(i % clips.size());
            String name = clip.getFileName().toString();
            Path link = root.resolve(String.format(Locale.ROOT, "class_%03d/clip_%05d%s", i / 50, i,
                    name.substring(name.lastIndexOf('.'))));
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, clip);
        }
        ComponentContext context =
                ComponentContext.of(registry, new RunRandom(0), Path.of("."))
                        .with(ModelGeometry.class, geometry);
        System.out.printf(Locale.ROOT, "%nIndexing %d files (links to the clips in %d class folders),"
                + " %d probe threads:%n%n", count, (count + 49) / 50,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| scan | seconds | files/s | files per CPU-second |");
        System.out.println("|---|---:|---:|---:|");
        for (String scan : List.of("first (probes every file)", "second (stored index)")) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            var source =
                    registry.create(
                            org.siammae.api.component.ComponentKind.CLIP_SOURCE,
                            org.siammae.api.component.ComponentSpec.named(
                                    "video-folder", Map.of("root", root.toString())),
                            context);
            int found = source.clips().size();
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            if (found != count) {
                throw new IllegalStateException("indexed " + found + " of " + count + " files");
            }
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f | %.0f |%n", scan, elapsed,
                    count / elapsed, count / cpu);
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path); // links, folders and the index; the clips stay
            }
        }
    }

    /** Prints the rate of decoding every frame of every clip, scaled to a short side of 1.5 x size. */
    private static void decodeAll(List<ClipInfo> clips, int size) throws IOException {
        int shortSide = (int) Math.ceil(1.5 * size);
        long frames = 0;
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int round = 0; round < 3; round++) {
            for (ClipInfo clip : clips) {
                double scale = Math.min(1.0, (double) shortSide / Math.min(clip.width(), clip.height()));
                int width = (int) Math.round(clip.width() * scale);
                int height = (int) Math.round(clip.height() * scale);
                try (VideoDecoder decoder =
                        VideoDecoder.open(Path.of(clip.location()), clip.fps(), width, height, 1)) {
                    // One frame per call, so the heap never keeps a whole clip.
                    for (int i = 0; i < clip.frameCount(); i++) {
                        frames += decoder.read(new int[] {i}).size();
                    }
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%nDecoder alone, every frame of the %d clips 3 times, 1 thread,"
                + " to RGB floats: %.0f frames/s, %.0f frames per CPU-second%n", clips.size(),
                frames / elapsed, frames / cpu);
    }

    /**
     * Returns the CPU time of this process, all threads, in nanoseconds. Rates per CPU-second stay
     * meaningful on a machine that other jobs share, where wall-clock rates do not.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static DataSettings settings(
            ComponentRegistry registry, Path videos, Path cache, int batch, int workers) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("source", Map.of("name", "video-folder", "root", videos.toString()));
        section.put("sampler", Map.of("name", "random-gap", "min-gap", 4, "max-gap", 48));
        section.put("augmentations", List.of("random-resized-crop", "horizontal-flip", "normalize"));
        section.put("repeated-sampling", 2);
        section.put("batch-size", batch);
        section.put("workers", workers);
        section.put("queue-capacity", Math.max(2, workers));
        section.put("cache-dir", cache.toString());
        ConfigProblems problems = new ConfigProblems(ConfigLocation.of("<benchmark>"));
        DataSettings settings =
                DataSettings.parse(section, "data", ConfigLocation.of("<benchmark>"), registry, problems);
        problems.throwIfAny();
        return settings;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected --name value pairs, got '" + args[i] + "'; options: --videos,"
                                + " --size, --workers, --batch, --seconds, --cache, --index-files");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
