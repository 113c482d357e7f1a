package org.siammae.experiments.descriptor;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into plain data (maps, lists, strings, numbers, booleans, null) and records the line
 * of every key. Type tags are rejected, so a descriptor can never construct arbitrary objects.
 */
final class YamlTree {

    private YamlTree() {}

    /**
     * Parses a file.
     *
     * @param file the YAML file
     * @param prefix the key path the document is placed under ({@code ""} for a whole descriptor)
     * @param location where key origins are recorded
     * @return the document as plain data
     * @throws IOException if the file cannot be read
     * @throws ConfigException on a syntax error, a duplicate key or a type tag
     */
    static Object read(Path file, String prefix, DescriptorLocation location) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString(), prefix, location);
        }
    }

    /**
     * Parses a value written on the command line ({@code 100}, {@code true}, {@code [1, 2]},
     * {@code {name: joint}}).
     *
     * @param text the value text
     * @param keyPath the key the value is assigned to
     * @param location where key origins are recorded
     */
    static Object parseValue(String text, String keyPath, DescriptorLocation location) {
        try {
            return parse(new StringReader(text), DescriptorLocation.COMMAND_LINE, keyPath, location);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static Object parse(Reader reader, String file, String prefix, DescriptorLocation location)
            throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String problem = e.getProblem();
            if (problem != null && problem.startsWith("Global tag is not allowed")) {
                // SnakeYAML rejects class tags while composing, before any key is known.
                String tag = problem.substring(problem.lastIndexOf(':') + 1).strip();
                throw new ConfigException(new ConfigProblem(file, line, "",
                        "type tags such as !!" + tag + " are not allowed; remove the tag and write a plain value"));
            }
            throw new ConfigException(new ConfigProblem(file, line, "", "invalid YAML: " + problem));
        } catch (YAMLException e) {
            throw new ConfigException(new ConfigProblem(file, 0, "", "invalid YAML: " + e.getMessage()));
        }
        if (root == null) {
            return null;
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Object value = convert(root, prefix, file, location, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return value;
    }

    private static Object convert(
            Node node, String path, String file, DescriptorLocation location, List<ConfigProblem> problems) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    problems.add(problem(file, tuple.getKeyNode(), path, "keys must be plain strings"));
                    continue;
                }
                String childPath = path.isEmpty() ? keyNode.getValue() : path + "." + keyNode.getValue();
                if (map.containsKey(keyNode.getValue())) {
                    problems.add(problem(file, keyNode, childPath, "duplicate key " + keyNode.getValue()));
                    continue;
                }
                location.record(childPath, file, lineOf(file, keyNode));
                map.put(keyNode.getValue(), convert(tuple.getValueNode(), childPath, file, location, problems));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String childPath = path + "[" + i + "]";
                location.record(childPath, file, lineOf(file, item));
                list.add(convert(item, childPath, file, location, problems));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return parseBoolean(text);
            }
            if (tag.equals(Tag.INT)) {
                long value = Long.parseLong(text.replace("_", ""));
                if (value == (int) value) {
                    return Integer.valueOf((int) value);
                }
                return Long.valueOf(value);
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text;
        }
        if (!tag.equals(Tag.STR)) {
            problems.add(problem(file, scalar, path,
                    "type tags such as " + tag + " are not allowed; remove the tag and write a plain value"));
        }
        return text;
    }

    private static Boolean parseBoolean(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("true") || lower.equals("yes") || lower.equals("on");
    }

    /** Returns the 1-based line of a node, or 0 for a value typed on the command line. */
    private static int lineOf(String file, Node node) {
        return DescriptorLocation.COMMAND_LINE.equals(file) ? 0 : node.getStartMark().getLine() + 1;
    }

    private static ConfigProblem problem(String file, Node node, String path, String message) {
        return new ConfigProblem(file, lineOf(file, node), path, message);
    }
}
