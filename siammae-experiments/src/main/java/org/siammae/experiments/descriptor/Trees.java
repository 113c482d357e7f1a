package org.siammae.experiments.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for descriptor trees (maps, lists and scalars) and their key paths. A key path is dotted
 * keys with optional list indices, such as {@code model.encoder.depth} or {@code evaluate[0].data}.
 */
final class Trees {

    private Trees() {}

    /**
     * Returns a deep copy of a tree whose maps keep their key order.
     *
     * @param value a map, list or scalar
     */
    @SuppressWarnings("unchecked")
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    /**
     * Splits a key path into map keys ({@link String}) and list indices ({@link Integer}).
     *
     * @param keyPath for example {@code evaluate[0].data}
     * @throws IllegalArgumentException if a bracket is not a closed non-negative index
     */
    static List<Object> steps(String keyPath) {
        List<Object> steps = new ArrayList<>();
        for (String part : keyPath.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            steps.add(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in key path " + keyPath);
                }
                steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return steps;
    }

    /**
     * Returns the value at a key path, or null when any step is missing.
     *
     * @param root the tree
     * @param keyPath the key path
     */
    static Object get(Object root, String keyPath) {
        Object node = root;
        for (Object step : steps(keyPath)) {
            if (step instanceof String key && node instanceof Map<?, ?> map) {
                node = map.get(key);
            } else if (step instanceof Integer index && node instanceof List<?> list && index < list.size()) {
                node = list.get(index);
            } else {
                return null;
            }
        }
        return node;
    }

    /**
     * Joins a key path and a child key.
     *
     * @param path the parent path, possibly empty
     * @param key the child key
     */
    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
