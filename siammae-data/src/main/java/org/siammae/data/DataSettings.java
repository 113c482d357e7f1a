package org.siammae.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblem;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.OptionsBinder;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.data.FrameSampler;
import org.siammae.data.index.IndexSettings;

/**
 * The {@code data} section of an experiment descriptor: which clips, which frames of them, which
 * augmentations, and how batches are assembled.
 *
 * <pre>{@code
 * data:
 *   source: {name: video-folder, root: /data/kinetics400/train}
 *   sampler: {name: random-gap, min-gap: 4, max-gap: 48}
 *   augmentations: [random-resized-crop, horizontal-flip, normalize]
 *   repeated-sampling: 2
 *   batch-size: 64
 *   workers: 8
 * }</pre>
 */
public final class DataSettings {

    /** Key of the clip source component. */
    public static final String SOURCE = "source";

    /** Key of the frame sampler component. */
    public static final String SAMPLER = "sampler";

    /** Key of the list of augmentation components. */
    public static final String AUGMENTATIONS = "augmentations";

    /** The component keys with what they set, for messages and listings. */
    public static final Map<String, String> COMPONENT_KEYS =
            Map.of(
                    SOURCE,
                    "where clips come from (a clip-source component); required",
                    SAMPLER,
                    "which frames of a clip form a sample (a frame-sampler component); default"
                            + " random-gap",
                    AUGMENTATIONS,
                    "augmentation components applied in order, each with the same parameters on"
                            + " every frame of a sample; default [random-resized-crop,"
                            + " horizontal-flip, normalize]");

    private static final String DEFAULT_SAMPLER = "random-gap";
    private static final List<String> DEFAULT_AUGMENTATIONS =
            List.of("random-resized-crop", "horizontal-flip", "normalize");

    /** The scalar keys of the section. */
    public static final class Options implements ValidatedOptions {

        @Tunable(
                description =
                        "Samples drawn from each decoded clip (repeated sampling, r); 1 or more."
                                + " The paper uses 2. batch-size must be a multiple of it.")
        int repeatedSampling = 2;

        @Tunable(description = "Samples per batch, B; a multiple of repeated-sampling.", required = true)
        Integer batchSize;

        @Tunable(
                description =
                        "Background threads that decode and augment clips; 0 decodes on the thread"
                                + " that asks for the batch.")
        int workers = 2;

        @Tunable(
                description =
                        "Batches in memory at once, finished or being filled; 1 or more (2 or more"
                                + " lets loading overlap training). Memory is about queue-capacity x"
                                + " B x T x C x H x W x 4 bytes.")
        int queueCapacity = 4;

        @Tunable(
                description =
                        "Folder for clip indexes and skipped-clip lists of data folders that are"
                                + " not writable; empty means ~/.cache/siammae/index. Relative paths"
                                + " resolve against the working directory.")
        String cacheDir = "";

        @Override
        public void validate(ConfigProblems problems) {
            if (repeatedSampling < 1) {
                problems.add("repeated-sampling", "must be 1 or more, got " + repeatedSampling);
            }
            // A null batch size is missing or of the wrong type, which the binder reports.
            if (batchSize != null && batchSize < 1) {
                problems.add("batch-size", "must be 1 or more, got " + batchSize);
            } else if (batchSize != null
                    && repeatedSampling >= 1
                    && batchSize % repeatedSampling != 0) {
                problems.add(
                        "batch-size",
                        "must be a multiple of repeated-sampling ("
                                + repeatedSampling
                                + ") so that every clip's samples land in one batch, got "
                                + batchSize);
            }
            if (workers < 0) {
                problems.add("workers", "must be 0 or more, got " + workers);
            }
            if (queueCapacity < 1) {
                problems.add("queue-capacity", "must be 1 or more, got " + queueCapacity);
            }
        }
    }

    private final ComponentSpec source;
    private final ComponentSpec sampler;
    private final List<ComponentSpec> augmentations;
    private final Options options;

    private DataSettings(
            ComponentSpec source,
            ComponentSpec sampler,
            List<ComponentSpec> augmentations,
            Options options) {
        this.source = source;
        this.sampler = sampler;
        this.augmentations = List.copyOf(augmentations);
        this.options = options;
    }

    /**
     * Reads the {@code data} section, recording every problem instead of throwing.
     *
     * @param section the section's keys and values
     * @param keyPath the section's dotted key path, usually {@code data}
     * @param location where the descriptor came from
     * @param registry checks component names and options
     * @param problems a collector without key prefix; gets unknown keys, wrong types, invalid
     *     values and unknown components under their full key paths. The result is only usable
     *     when nothing was added
     * @return the settings; components with problems are left at their defaults
     */
    public static DataSettings parse(
            Map<String, Object> section,
            String keyPath,
            ConfigLocation location,
            ComponentRegistry registry,
            ConfigProblems problems) {
        ConfigProblems sectionProblems = problems.under(keyPath);
        Options options = new Options();
        Set<String> validKeys = new TreeSet<>(COMPONENT_KEYS.keySet());
        for (OptionsBinder.FieldInfo field : OptionsBinder.describe(options)) {
            validKeys.add(field.key());
        }
        Map<String, Object> scalars = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : section.entrySet()) {
            String key = entry.getKey();
            if (COMPONENT_KEYS.containsKey(key)) {
                continue;
            }
            if (!validKeys.contains(key)) {
                sectionProblems.add(key, OptionsBinder.unknownKeyMessage(key, validKeys));
                continue;
            }
            scalars.put(key, entry.getValue());
        }
        OptionsBinder.bind(scalars, options, sectionProblems);

        ComponentSpec source = null;
        if (!section.containsKey(SOURCE)) {
            sectionProblems.add(SOURCE, "missing required key (" + COMPONENT_KEYS.get(SOURCE) + ")");
        } else {
            source = component(section.get(SOURCE), join(keyPath, SOURCE), location, registry,
                    ComponentKind.CLIP_SOURCE, problems);
        }
        ComponentSpec sampler =
                section.containsKey(SAMPLER)
                        ? component(section.get(SAMPLER), join(keyPath, SAMPLER), location, registry,
                                ComponentKind.FRAME_SAMPLER, problems)
                        : new ComponentSpec(DEFAULT_SAMPLER, Map.of(), join(keyPath, SAMPLER), location);
        List<ComponentSpec> augmentations = new ArrayList<>();
        if (!section.containsKey(AUGMENTATIONS)) {
            for (String name : DEFAULT_AUGMENTATIONS) {
                augmentations.add(
                        new ComponentSpec(name, Map.of(), join(keyPath, AUGMENTATIONS), location));
            }
        } else if (section.get(AUGMENTATIONS) instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                ComponentSpec spec =
                        component(list.get(i), join(keyPath, AUGMENTATIONS) + "[" + i + "]", location,
                                registry, ComponentKind.AUGMENTATION, problems);
                if (spec != null) {
                    augmentations.add(spec);
                }
            }
        } else {
            sectionProblems.add(AUGMENTATIONS, "must be a list of augmentation components, such as"
                    + " [random-resized-crop, horizontal-flip, normalize]");
        }
        return new DataSettings(source, sampler, augmentations, options);
    }

    private static ComponentSpec component(
            Object value,
            String keyPath,
            ConfigLocation location,
            ComponentRegistry registry,
            ComponentKind<?> kind,
            ConfigProblems problems) {
        ComponentSpec spec;
        try {
            spec = ComponentSpec.parse(value, keyPath, location);
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                problems.add(problem.key(), problem.message());
            }
            return null;
        }
        Object options = registry.check(kind, spec, problems);
        return options == null ? null : spec;
    }

    private static String join(String prefix, String key) {
        return prefix == null || prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** Returns the clip source component. */
    public ComponentSpec source() {
        return source;
    }

    /** Returns the frame sampler component. */
    public ComponentSpec sampler() {
        return sampler;
    }

    /** Returns the augmentation components, in the order they run. */
    public List<ComponentSpec> augmentations() {
        return augmentations;
    }

    /** Returns the samples drawn from each decoded clip, r. */
    public int repeatedSampling() {
        return options.repeatedSampling;
    }

    /** Returns the samples per batch, B. */
    public int batchSize() {
        return options.batchSize;
    }

    /** Returns the number of background worker threads; 0 loads on the caller's thread. */
    public int workers() {
        return options.workers;
    }

    /** Returns the number of batches held in memory at once. */
    public int queueCapacity() {
        return options.queueCapacity;
    }

    /**
     * Returns where indexes of read-only data folders go.
     *
     * @param context resolves a relative {@code cache-dir}
     */
    public IndexSettings indexSettings(ComponentContext context) {
        if (options.cacheDir == null || options.cacheDir.isBlank()) {
            return IndexSettings.defaults();
        }
        return new IndexSettings(context.resolve(options.cacheDir));
    }

    /**
     * Returns the frames per sample, T, that the sampler draws (context frames plus the target).
     *
     * @param context the component context; needs no {@code ModelGeometry}
     */
    public int framesPerSample(ComponentContext context) {
        FrameSampler frameSampler =
                context.registry().create(ComponentKind.FRAME_SAMPLER, sampler, context);
        return frameSampler.framesPerSample();
    }

    /** Returns the scalar settings as a plain map, for provenance. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(SOURCE, source == null ? null : source.name());
        map.put(SAMPLER, sampler == null ? null : sampler.name());
        map.put(AUGMENTATIONS, augmentations.stream().map(ComponentSpec::name).toList());
        map.putAll(OptionsBinder.toMap(options));
        return map;
    }
}
