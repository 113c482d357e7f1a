package org.siammae.experiments.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siammae.api.component.ComponentSpec;

/** Readable cell id parts derived from a swept key and its value, such as {@code target-ratio-0.75}. */
final class CellIds {

    private CellIds() {}

    /**
     * Returns the id part of one axis value: the key's last word (or the word before a final
     * {@code name}) and the value's text, restricted to folder-safe characters.
     *
     * @param key the dotted key
     * @param value the value
     */
    static String part(String key, Object value) {
        String[] words = key.split("\\.");
        String word = words[words.length - 1];
        if (word.equals(ComponentSpec.NAME_KEY) && words.length > 1) {
            word = words[words.length - 2];
        }
        return sanitize(word + "-" + text(value));
    }

    /**
     * Returns a value as short text: numbers without a needless {@code .0}, a component as its
     * name followed by its option values, a list as its items, joined by {@code -}.
     *
     * @param value a scalar, mapping or list
     */
    static String text(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            Object name = map.get(ComponentSpec.NAME_KEY);
            if (name != null) {
                parts.add(text(name));
            }
            map.forEach((k, v) -> {
                if (!ComponentSpec.NAME_KEY.equals(k)) {
                    parts.add(text(v));
                }
            });
            return String.join("-", parts);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "empty" : String.join("-", list.stream().map(CellIds::text).toList());
        }
        return value.toString();
    }

    /**
     * Replaces characters that do not belong in a folder name by {@code -}.
     *
     * @param text any text
     */
    static String sanitize(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._+-]+", "-").replaceAll("-{2,}", "-");
        cleaned = cleaned.replaceAll("^[-._+]+", "");
        return cleaned.isEmpty() ? "value" : cleaned;
    }
}
