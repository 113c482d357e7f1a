package org.siammae.api.component;

import java.util.LinkedHashMap;
import java.util.Map;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblem;

/**
 * A component as a descriptor names it: a name plus option values.
 *
 * <p>In YAML a component is either a bare name ({@code encoder: siamese}) or a mapping with a
 * {@code name} key and the options beside it ({@code encoder: {name: siamese, depth: 4}}).
 *
 * @param name the registered name
 * @param options the option values, without {@code name}
 * @param keyPath the dotted key path of the component in the descriptor, for messages
 * @param location where the descriptor came from
 */
public record ComponentSpec(
        String name, Map<String, Object> options, String keyPath, ConfigLocation location) {

    /** The key that holds the component name when a component is written as a mapping. */
    public static final String NAME_KEY = "name";

    public ComponentSpec {
        options = Map.copyOf(new LinkedHashMap<>(options));
    }

    /**
     * Reads a component from a descriptor value.
     *
     * @param value a string, or a mapping with a {@code name} key
     * @param keyPath the dotted key path of the value
     * @param location where the descriptor came from
     * @throws ConfigException if the value is neither, or the name is missing
     */
    public static ComponentSpec parse(Object value, String keyPath, ConfigLocation location) {
        if (value instanceof String name) {
            return new ComponentSpec(name, Map.of(), keyPath, location);
        }
        if (value instanceof Map<?, ?> map) {
            Object name = map.get(NAME_KEY);
            if (!(name instanceof String text) || text.isBlank()) {
                throw new ConfigException(
                        location.problem(
                                keyPath + "." + NAME_KEY,
                                "missing component name: write '" + NAME_KEY + ": <component>'"));
            }
            Map<String, Object> options = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!NAME_KEY.equals(entry.getKey())) {
                    options.put(String.valueOf(entry.getKey()), entry.getValue());
                }
            }
            return new ComponentSpec(text, options, keyPath, location);
        }
        throw new ConfigException(
                new ConfigProblem(
                        location.file(),
                        location.lineOf(keyPath),
                        keyPath,
                        "must be a component name or a mapping with '"
                                + NAME_KEY
                                + "', got "
                                + (value == null ? "nothing" : value.getClass().getSimpleName())));
    }

    /**
     * Creates a spec with no options, located nowhere in particular (for code and tests).
     *
     * @param name the registered name
     */
    public static ComponentSpec named(String name) {
        return new ComponentSpec(name, Map.of(), name, ConfigLocation.of("<code>"));
    }

    /**
     * Creates a spec with options, located nowhere in particular (for code and tests).
     *
     * @param name the registered name
     * @param options the option values
     */
    public static ComponentSpec named(String name, Map<String, Object> options) {
        return new ComponentSpec(name, options, name, ConfigLocation.of("<code>"));
    }
}
