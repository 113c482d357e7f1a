package org.siammae.experiments.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.siammae.api.config.ConfigLocation;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A resolved experiment descriptor: base files merged, environment variables substituted and
 * command-line overrides applied, as plain data, with the origin of every key.
 */
public final class Descriptor {

    private final Path file;
    private final Map<String, Object> root;
    private final DescriptorLocation location;

    Descriptor(Path file, Map<String, Object> root, DescriptorLocation location) {
        this.file = file;
        this.root = Collections.unmodifiableMap(root);
        this.location = location;
    }

    /** Returns the descriptor file named on the command line. */
    public Path file() {
        return file;
    }

    /** Returns the resolved tree. */
    public Map<String, Object> root() {
        return root;
    }

    /** Returns where each key came from. */
    public ConfigLocation location() {
        return location;
    }

    /** Returns the files this descriptor's keys came from: its own file and the files it extends. */
    public SortedSet<String> sourceFiles() {
        return location.sourceFiles();
    }

    /** Returns the origin table itself, for {@link DescriptorEditor}. */
    DescriptorLocation origins() {
        return location;
    }

    /**
     * Returns the value at a dotted path, or null.
     *
     * @param keyPath for example {@code train.steps}
     */
    public Object get(String keyPath) {
        Object node = root;
        for (String part : keyPath.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    /**
     * Returns a top-level section as a map, empty when absent.
     *
     * @param key the section key
     * @throws IllegalArgumentException if the key contains something other than a mapping
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String key) {
        Object value = root.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new org.siammae.api.config.ConfigException(
                    location.problem(key, "must be a mapping of keys to values"));
        }
        return (Map<String, Object>) value;
    }

    /**
     * Returns a top-level list, empty when absent.
     *
     * @param key the list key
     */
    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object value = root.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new org.siammae.api.config.ConfigException(location.problem(key, "must be a list"));
        }
        return (List<Object>) value;
    }

    /** Returns the resolved tree as block-style YAML. */
    public String toYaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        return new Yaml(options).dump(root);
    }

    /** Returns the SHA-256 of the resolved tree in canonical JSON (keys sorted), as hex. */
    public String sha256() {
        try {
            ObjectMapper mapper =
                    new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            byte[] canonical = mapper.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash descriptor " + file, e);
        }
    }
}
