package org.siammae.api.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.siammae.api.component.ComponentSpec;

/**
 * Sets the {@link Tunable} fields of an options object from a descriptor map.
 *
 * <p>Supported field types: {@code int}, {@code long}, {@code float}, {@code double}, {@code
 * boolean} and their boxes, {@code String}, enums (written in kebab case, {@code CROSS_SELF} is
 * {@code cross-self}), {@code int[]}, {@code double[]}, {@code List} of those scalars, {@code
 * Map<String, Object>} for free-form sections, and {@link ComponentSpec} for a nested component
 * (a name or a mapping with {@code name}). A whole number fits a floating-point field; a
 * fractional number never fits an integer field; strings are never parsed as numbers.
 */
public final class OptionsBinder {

    private OptionsBinder() {}

    /** One tunable field of an options class, as {@code siammae components} lists it. */
    public record FieldInfo(
            String key, String type, Object defaultValue, String description, boolean required) {}

    /**
     * Sets the tunable fields of {@code options} from {@code values} and validates the result.
     *
     * @param values the descriptor section of the component (keys relative to it)
     * @param options a fresh options object holding the defaults; it is modified
     * @param problems where unknown keys, wrong types and invalid values are recorded
     * @param ignoredKeys keys of {@code values} that belong to the caller (such as {@code name})
     * @param <O> the options type
     * @return {@code options}
     */
    public static <O> O bind(
            Map<String, ?> values, O options, ConfigProblems problems, String... ignoredKeys) {
        Map<String, Field> fields = tunableFields(options.getClass());
        List<String> ignored = Arrays.asList(ignoredKeys);
        boolean conversionFailed = false;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String key = entry.getKey();
            if (ignored.contains(key)) {
                continue;
            }
            Field field = fields.get(key);
            if (field == null) {
                problems.add(key, unknownKeyMessage(key, fields.keySet()));
                continue;
            }
            try {
                Object value =
                        field.getType() == ComponentSpec.class
                                ? ComponentSpec.parse(
                                        entry.getValue(), problems.path(key), problems.location())
                                : ValueConversion.convert(entry.getValue(), field.getGenericType());
                field.set(options, value);
            } catch (ConfigException e) {
                problems.add(key, e.problems().get(0).message());
                conversionFailed = true;
            } catch (IllegalArgumentException e) {
                problems.add(key, e.getMessage());
                conversionFailed = true;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set tunable field " + field, e);
            }
        }
        for (Map.Entry<String, Field> entry : fields.entrySet()) {
            Tunable tunable = entry.getValue().getAnnotation(Tunable.class);
            if (tunable.required() && !values.containsKey(entry.getKey())) {
                problems.add(entry.getKey(), "missing required key (" + tunable.description() + ")");
            }
        }
        // After a value of the wrong type, range checks would see the default and repeat the problem
        // in other, misleading words, so they run only when every value converted.
        if (options instanceof ValidatedOptions validated && !conversionFailed) {
            validated.validate(problems);
        }
        return options;
    }

    /**
     * Lists the tunable fields of an options object with their current values as defaults.
     *
     * @param options an options object holding defaults
     */
    public static List<FieldInfo> describe(Object options) {
        List<FieldInfo> infos = new ArrayList<>();
        for (Map.Entry<String, Field> entry : tunableFields(options.getClass()).entrySet()) {
            Field field = entry.getValue();
            Tunable tunable = field.getAnnotation(Tunable.class);
            Object value;
            try {
                value = field.get(options);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read tunable field " + field, e);
            }
            infos.add(
                    new FieldInfo(
                            entry.getKey(),
                            ValueConversion.typeName(field.getGenericType()),
                            displayValue(value),
                            tunable.description(),
                            tunable.required()));
        }
        return infos;
    }

    /** A nested component of an options object and the kind it belongs to. */
    public record NestedComponent(String kind, ComponentSpec spec) {}

    /** Returns a default as a descriptor would write it: kebab-case enums, component names. */
    private static Object displayValue(Object value) {
        if (value == null) {
            return "unset";
        }
        if (value instanceof int[] ints) {
            return Arrays.toString(ints);
        }
        if (value instanceof double[] doubles) {
            return Arrays.toString(doubles);
        }
        if (value instanceof Enum<?> constant) {
            return kebab(constant.name());
        }
        if (value instanceof ComponentSpec spec) {
            return spec.options().isEmpty() ? spec.name() : spec.name() + " " + spec.options();
        }
        return value;
    }

    /**
     * Lists the nested components of bound options whose field names a kind.
     *
     * @param options bound options
     */
    public static List<NestedComponent> nestedComponents(Object options) {
        List<NestedComponent> nested = new ArrayList<>();
        for (Field field : tunableFields(options.getClass()).values()) {
            String kind = field.getAnnotation(Tunable.class).kind();
            if (field.getType() != ComponentSpec.class || kind.isEmpty()) {
                continue;
            }
            try {
                Object value = field.get(options);
                if (value != null) {
                    nested.add(new NestedComponent(kind, (ComponentSpec) value));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read tunable field " + field, e);
            }
        }
        return nested;
    }

    /**
     * Returns the current tunable values of an options object as a plain map, for provenance.
     * Unset (null) values are left out, so the map binds back to equal options.
     *
     * @param options an options object
     */
    public static Map<String, Object> toMap(Object options) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Field> entry : tunableFields(options.getClass()).entrySet()) {
            try {
                Object value = entry.getValue().get(options);
                if (value == null) {
                    continue;
                }
                if (value instanceof Enum<?> constant) {
                    value = kebab(constant.name());
                } else if (value instanceof int[] ints) {
                    value = Arrays.stream(ints).boxed().collect(Collectors.toList());
                } else if (value instanceof double[] doubles) {
                    value = Arrays.stream(doubles).boxed().collect(Collectors.toList());
                } else if (value instanceof ComponentSpec spec) {
                    Map<String, Object> nested = new LinkedHashMap<>();
                    nested.put(ComponentSpec.NAME_KEY, spec.name());
                    nested.putAll(spec.options());
                    value = nested;
                }
                map.put(entry.getKey(), value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read tunable field " + entry.getValue(), e);
            }
        }
        return map;
    }

    /**
     * Converts a Java identifier to kebab case: {@code f2Ratio} and {@code F2_RATIO} both become
     * {@code f2-ratio}.
     *
     * @param name a camel-case or upper-snake-case identifier
     */
    public static String kebab(String name) {
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return name.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Returns "unknown key" text with the valid keys and the closest one.
     *
     * @param key the unknown key
     * @param validKeys the keys that exist
     */
    public static String unknownKeyMessage(String key, java.util.Collection<String> validKeys) {
        String closest = closest(key, validKeys);
        String hint = closest == null ? "" : " (did you mean '" + closest + "'?)";
        return "unknown key" + hint + "; valid keys are: " + String.join(", ", validKeys);
    }

    /**
     * Returns the candidate within edit distance 3 of {@code word}, or null.
     *
     * @param word the misspelt word
     * @param candidates the valid words
     */
    public static String closest(String word, java.util.Collection<String> candidates) {
        String best = null;
        int bestDistance = 4;
        for (String candidate : candidates) {
            int distance = editDistance(word, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, Field> tunableFields(Class<?> type) {
        Map<String, Field> fields = new LinkedHashMap<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                Tunable tunable = field.getAnnotation(Tunable.class);
                if (tunable == null) {
                    continue;
                }
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    throw new IllegalStateException(
                            "@Tunable field " + field + " must be an instance field that is not final");
                }
                field.setAccessible(true);
                String key = tunable.key().isEmpty() ? kebab(field.getName()) : tunable.key();
                fields.put(key, field);
            }
        }
        return fields;
    }
}
