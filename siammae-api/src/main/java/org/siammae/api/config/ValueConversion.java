package org.siammae.api.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.siammae.api.component.ComponentSpec;

/**
 * Converts descriptor values to the types of {@link Tunable} fields, with messages that state the
 * expected type and the value found.
 */
final class ValueConversion {

    private ValueConversion() {}

    static Object convert(Object value, Type type) {
        if (value == null) {
            throw new IllegalArgumentException("must have a value, got null");
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                Type element = parameterized.getActualTypeArguments()[0];
                List<?> items = asList(value, typeName(type));
                List<Object> converted = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    converted.add(convertIndexed(items.get(i), element, i));
                }
                return converted;
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (!(value instanceof Map<?, ?> map)) {
                    throw wrongType(value, "a mapping of keys to values");
                }
                return new LinkedHashMap<>(map);
            }
        }
        Class<?> target = (Class<?>) type;
        if (target == int[].class) {
            List<?> items = asList(value, "a list of integers");
            int[] out = new int[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Integer) convertIndexed(items.get(i), int.class, i);
            }
            return out;
        }
        if (target == double[].class) {
            List<?> items = asList(value, "a list of numbers");
            double[] out = new double[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Double) convertIndexed(items.get(i), double.class, i);
            }
            return out;
        }
        return convertScalar(value, target);
    }

    private static Object convertIndexed(Object value, Type type, int index) {
        try {
            return convert(value, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("item " + index + " " + e.getMessage(), e);
        }
    }

    private static List<?> asList(Object value, String expected) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw wrongType(value, expected);
    }

    private static Object convertScalar(Object value, Class<?> target) {
        if (target == int.class || target == Integer.class) {
            long whole = wholeNumber(value, "an integer");
            if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("must fit in a 32-bit integer, got " + value);
            }
            return (int) whole;
        }
        if (target == long.class || target == Long.class) {
            return wholeNumber(value, "an integer");
        }
        if (target == double.class || target == Double.class) {
            return number(value, "a number").doubleValue();
        }
        if (target == float.class || target == Float.class) {
            return number(value, "a number").floatValue();
        }
        if (target == boolean.class || target == Boolean.class) {
            if (value instanceof Boolean flag) {
                return flag;
            }
            throw wrongType(value, "true or false");
        }
        if (target == String.class) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            throw wrongType(value, "a string");
        }
        if (target.isEnum()) {
            return enumConstant(value, target);
        }
        throw new IllegalStateException("unsupported @Tunable field type " + target.getName());
    }

    private static long wholeNumber(Object value, String expected) {
        Number number = number(value, expected);
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("must be " + expected + ", got " + value);
            }
            return (long) d;
        }
        return number.longValue();
    }

    private static Number number(Object value, String expected) {
        if (value instanceof Number number) {
            return number;
        }
        throw wrongType(value, expected);
    }

    private static Object enumConstant(Object value, Class<?> target) {
        if (!(value instanceof String text)) {
            throw wrongType(value, "one of " + enumNames(target));
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Object constant : target.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "must be one of " + enumNames(target) + ", got '" + text + "'");
    }

    private static String enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> OptionsBinder.kebab(((Enum<?>) c).name()))
                .collect(Collectors.joining(", "));
    }

    private static IllegalArgumentException wrongType(Object value, String expected) {
        String actual =
                value instanceof String
                        ? "string '" + value + "'"
                        : value instanceof List
                                ? "a list"
                                : value instanceof Map ? "a mapping" : typeWord(value) + " " + value;
        return new IllegalArgumentException("must be " + expected + ", got " + actual);
    }

    private static String typeWord(Object value) {
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value.getClass().getSimpleName();
    }

    static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return "list of " + typeName(parameterized.getActualTypeArguments()[0]);
            }
            return "mapping";
        }
        Class<?> c = (Class<?>) type;
        if (c == int[].class) {
            return "list of integer";
        }
        if (c == double[].class) {
            return "list of number";
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "integer";
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return "number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "boolean";
        }
        if (c.isEnum()) {
            return "one of " + enumNames(c);
        }
        if (c == ComponentSpec.class) {
            return "component";
        }
        return "string";
    }
}
