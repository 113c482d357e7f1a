package org.siammae.experiments.descriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigProblem;

/**
 * Loads an experiment descriptor: reads the YAML, merges the files it {@code extends}, substitutes
 * {@code ${VAR}} and {@code ${VAR:-default}} from the environment, and applies {@code key=value}
 * overrides.
 *
 * <p>{@code extends} names one base file or a list of them, relative to the extending file; later
 * bases and the extending file win. Mappings merge key by key, except that a mapping naming
 * another component ({@code name}) replaces the earlier one whole; lists and scalars are replaced.
 */
public final class DescriptorLoader {

    /** The key that names base files. */
    public static final String EXTENDS = "extends";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private final UnaryOperator<String> environment;

    /** Creates a loader that reads the process environment. */
    public DescriptorLoader() {
        this(System::getenv);
    }

    /**
     * Creates a loader with a given environment (tests).
     *
     * @param environment returns the value of a variable, or null when unset
     */
    public DescriptorLoader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * Loads a descriptor.
     *
     * @param file the descriptor
     * @param overrides {@code dotted.key=value} strings, applied in order
     * @throws IOException if a file cannot be read
     * @throws ConfigException listing every problem found
     */
    public Descriptor load(Path file, List<String> overrides) throws IOException {
        DescriptorLocation location = new DescriptorLocation(file.toString());
        Map<String, Object> root = loadWithBases(file, location, new ArrayList<>());
        List<ConfigProblem> problems = new ArrayList<>();
        for (String override : overrides) {
            applyOverride(root, override, location, problems);
        }
        substitute(root, "", location, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Descriptor(file, root, location);
    }

    /**
     * Reads a file and its bases, merged, and records the origin of every key in {@code location}.
     *
     * @param chain the files being read, outermost first, to detect cycles
     */
    private Map<String, Object> loadWithBases(Path file, DescriptorLocation location, List<Path> chain)
            throws IOException {
        Path canonical = file.toAbsolutePath().normalize();
        if (chain.contains(canonical)) {
            List<String> names = new ArrayList<>();
            chain.forEach(p -> names.add(p.getFileName().toString()));
            names.add(canonical.getFileName().toString());
            throw new ConfigException(
                    new ConfigProblem(
                            chain.get(chain.size() - 1).toString(), 0, EXTENDS,
                            "cycle in extends: " + String.join(" -> ", names)));
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "descriptor not found");
        }
        chain.add(canonical);

        DescriptorLocation own = new DescriptorLocation(file.toString());
        Object document = YamlTree.read(file, "", own);
        if (document == null) {
            document = new LinkedHashMap<String, Object>();
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new ConfigException(
                    new ConfigProblem(file.toString(), 1, "", "a descriptor must be a mapping of keys to values"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> ownTree = (Map<String, Object>) document;

        // Bases first, in order; the file's own keys win.
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String base : baseNames(ownTree.remove(EXTENDS), file, own)) {
            Path basePath = file.toAbsolutePath().getParent().resolve(base).normalize();
            if (!Files.isRegularFile(basePath)) {
                throw new ConfigException(
                        new ConfigProblem(
                                file.toString(), own.lineOf(EXTENDS), EXTENDS,
                                "base descriptor '" + base + "' not found: " + basePath
                                        + " (paths in extends resolve against the folder of the file naming them)"));
            }
            mergeInto(merged, loadWithBases(basePath, location, chain));
        }
        mergeInto(merged, ownTree);
        copyOrigins(ownTree, "", own, location);
        chain.remove(chain.size() - 1);
        return merged;
    }

    private static List<String> baseNames(Object bases, Path file, DescriptorLocation location) {
        if (bases == null) {
            return List.of();
        }
        if (bases instanceof String single) {
            return List.of(single);
        }
        if (bases instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new ConfigException(
                new ConfigProblem(
                        file.toString(), location.lineOf(EXTENDS), EXTENDS,
                        "must be a file name or a list of file names"));
    }

    /**
     * Returns whether two mappings name different components. The later one then replaces the
     * earlier whole, so that options of one component do not leak into another.
     */
    private static boolean namesOtherComponent(Map<?, ?> earlier, Map<?, ?> later) {
        Object before = earlier.get(ComponentSpec.NAME_KEY);
        Object after = later.get(ComponentSpec.NAME_KEY);
        return before != null && after != null && !before.equals(after);
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> target, Map<String, Object> source) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            Object existing = target.get(entry.getKey());
            if (existing instanceof Map<?, ?> existingMap && entry.getValue() instanceof Map<?, ?> sourceMap
                    && !namesOtherComponent(existingMap, sourceMap)) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existingMap);
                mergeInto(copy, (Map<String, Object>) sourceMap);
                target.put(entry.getKey(), copy);
            } else {
                target.put(entry.getKey(), Trees.deepCopy(entry.getValue()));
            }
        }
    }

    private static void copyOrigins(
            Object node, String path, DescriptorLocation from, DescriptorLocation to) {
        if (!path.isEmpty()) {
            to.record(path, from.fileOf(path), from.lineOf(path));
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String child = path.isEmpty() ? (String) entry.getKey() : path + "." + entry.getKey();
                copyOrigins(entry.getValue(), child, from, to);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                copyOrigins(list.get(i), path + "[" + i + "]", from, to);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyOverride(
            Map<String, Object> root, String override, DescriptorLocation location, List<ConfigProblem> problems) {
        int equals = override.indexOf('=');
        if (equals <= 0) {
            problems.add(
                    new ConfigProblem(
                            DescriptorLocation.COMMAND_LINE, 0, "",
                            "override '" + override + "' must have the form dotted.key=value"));
            return;
        }
        String keyPath = override.substring(0, equals).trim();
        String text = override.substring(equals + 1);
        String[] parts = overrideSteps(keyPath);
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (child == null) {
                child = new LinkedHashMap<String, Object>();
                node.put(parts[i], child);
                // A mapping the override creates comes from the command line, for messages about it.
                location.record(String.join(".", Arrays.copyOf(parts, i + 1)), DescriptorLocation.COMMAND_LINE, 0);
            } else if (child instanceof String name && i > 0) {
                // A component written as a bare name becomes a mapping to take an option.
                Map<String, Object> expanded = new LinkedHashMap<>();
                expanded.put("name", name);
                child = expanded;
                node.put(parts[i], child);
            } else if (!(child instanceof Map<?, ?>)) {
                problems.add(
                        new ConfigProblem(
                                DescriptorLocation.COMMAND_LINE, 0, keyPath,
                                "cannot set a key below '" + String.join(".", Arrays.copyOf(parts, i + 1))
                                        + "', which is not a mapping"));
                return;
            }
            node = (Map<String, Object>) child;
        }
        location.forget(keyPath);
        location.record(keyPath, DescriptorLocation.COMMAND_LINE, 0);
        try {
            node.put(parts[parts.length - 1], YamlTree.parseValue(text, keyPath, location));
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                problems.add(
                        new ConfigProblem(
                                DescriptorLocation.COMMAND_LINE, 0, keyPath, problem.message()));
            }
        }
    }

    /**
     * Splits an override's key path into map keys. Below {@code sweep.grid} and {@code sweep.zip}
     * the rest is one key, since a sweep axis is named by a dotted key of its own:
     * {@code sweep.grid.model.masking.target-ratio=[0.9, 0.95]} replaces that axis's values.
     */
    static String[] overrideSteps(String keyPath) {
        String[] parts = keyPath.split("\\.");
        boolean sweepAxis = parts.length > 3 && "sweep".equals(parts[0])
                && ("grid".equals(parts[1]) || "zip".equals(parts[1]));
        if (!sweepAxis) {
            return parts;
        }
        String axis = String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        return new String[] {parts[0], parts[1], axis};
    }

    @SuppressWarnings("unchecked")
    private Object substitute(Object node, String path, DescriptorLocation location, List<ConfigProblem> problems) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> typed = (Map<String, Object>) map;
            for (Map.Entry<String, Object> entry : typed.entrySet()) {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                entry.setValue(substitute(entry.getValue(), child, location, problems));
            }
            return typed;
        }
        if (node instanceof List<?> list) {
            List<Object> typed = (List<Object>) list;
            for (int i = 0; i < typed.size(); i++) {
                typed.set(i, substitute(typed.get(i), path + "[" + i + "]", location, problems));
            }
            return typed;
        }
        if (node instanceof String text && text.contains("${")) {
            Matcher matcher = VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = environment.apply(matcher.group(1));
                if (value == null) {
                    value = matcher.group(3);
                }
                if (value == null) {
                    problems.add(
                            location.problem(
                                    path,
                                    "environment variable "
                                            + matcher.group(1)
                                            + " is not set; export it or write ${"
                                            + matcher.group(1)
                                            + ":-default}"));
                    value = "";
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            return out.toString();
        }
        return node;
    }
}
