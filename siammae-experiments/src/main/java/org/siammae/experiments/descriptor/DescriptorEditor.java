package org.siammae.experiments.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblem;

/**
 * Derives a descriptor from another by setting, merging and removing keys, and records for every
 * key the file and line its value came from, so that a problem found later still points at the
 * line to edit. Sweeps and scale profiles use it to build each cell's descriptor from a table.
 *
 * <p>Key paths are dotted keys with optional list indices ({@code evaluate[0].data}). A component
 * written as a bare name ({@code encoder: siamese}) becomes {@code {name: siamese}} when a key is
 * set below it, as with command-line overrides.
 */
public final class DescriptorEditor {

    private final Descriptor source;
    private final Map<String, Object> root;
    private final DescriptorLocation location;

    @SuppressWarnings("unchecked")
    private DescriptorEditor(Descriptor source) {
        this.source = source;
        this.root = (Map<String, Object>) Trees.deepCopy(source.root());
        this.location = source.origins().copy();
    }

    /**
     * Starts editing a copy of a descriptor; the descriptor itself does not change.
     *
     * @param descriptor the starting point
     */
    public static DescriptorEditor of(Descriptor descriptor) {
        return new DescriptorEditor(descriptor);
    }

    /**
     * Returns the current value at a key path, or null.
     *
     * @param keyPath the key path
     */
    public Object get(String keyPath) {
        return Trees.get(root, keyPath);
    }

    /**
     * Removes a key and everything below it; a missing key is ignored.
     *
     * @param keyPath the key path of a map entry
     */
    public DescriptorEditor remove(String keyPath) {
        int dot = keyPath.lastIndexOf('.');
        Object parent = dot < 0 ? root : Trees.get(root, keyPath.substring(0, dot));
        if (parent instanceof Map<?, ?> map) {
            map.remove(keyPath.substring(dot + 1));
            location.forget(keyPath);
        }
        return this;
    }

    /**
     * Sets the value at a key path, creating missing mappings on the way, and records that the
     * value and every key inside it came from {@code originKeyPath} of {@code origin}.
     *
     * @param keyPath where to put the value
     * @param value the value; copied
     * @param origin the location the value was read from
     * @param originKeyPath the value's key path in {@code origin}
     * @throws ConfigException at the origin's line if the path runs through a list or a scalar
     */
    public DescriptorEditor set(String keyPath, Object value, ConfigLocation origin, String originKeyPath) {
        List<Object> steps = Trees.steps(keyPath);
        Object parent = parentOf(steps, keyPath, origin, originKeyPath);
        Object last = steps.get(steps.size() - 1);
        Object copy = Trees.deepCopy(value);
        if (parent instanceof Map<?, ?> && last instanceof String key) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) parent;
            map.put(key, copy);
        } else if (parent instanceof List<?> && last instanceof Integer index && index < ((List<?>) parent).size()) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) parent;
            list.set(index, copy);
        } else {
            throw notSettable(keyPath, "its parent is not a mapping or has no such list item", origin, originKeyPath);
        }
        location.forget(keyPath);
        recordOrigins(keyPath, copy, origin, originKeyPath);
        if (ComponentSpec.NAME_KEY.equals(last) && steps.size() > 1) {
            // The name decides what the whole component is. Problems reported at the component's
            // own key, such as an unknown name, point here; its options keep their own origins.
            String component = keyPath.substring(0, keyPath.length() - ComponentSpec.NAME_KEY.length() - 1);
            location.record(component, origin.fileOf(originKeyPath), origin.lineOf(originKeyPath));
        }
        return this;
    }

    /**
     * Merges a value into the one at a key path: mappings merge key by key (recursively), while
     * lists and scalars replace. A mapping that names a different component than the current one
     * replaces it whole, so options of the old component do not leak into the new one.
     *
     * @param keyPath where to merge; empty for the whole descriptor
     * @param value the value to merge in
     * @param origin the location the value was read from
     * @param originKeyPath the value's key path in {@code origin}; empty for its root
     * @throws ConfigException at the origin's line if the path runs through a list or a scalar
     */
    public DescriptorEditor merge(String keyPath, Object value, ConfigLocation origin, String originKeyPath) {
        Object existing = keyPath.isEmpty() ? root : get(keyPath);
        if (!(value instanceof Map<?, ?> layer) || !(existing instanceof Map<?, ?> || existing instanceof String)) {
            return set(keyPath, value, origin, originKeyPath);
        }
        Object layerName = layer.get(ComponentSpec.NAME_KEY);
        Object existingName = existing instanceof String name ? name : ((Map<?, ?>) existing).get(ComponentSpec.NAME_KEY);
        boolean otherComponent = layerName != null && existingName != null && !layerName.equals(existingName);
        if (otherComponent || (existing instanceof String && !keyPath.contains("."))) {
            return set(keyPath, value, origin, originKeyPath);
        }
        if (existing instanceof String name) {
            // A bare component name takes options: expand it in place, keeping its origin.
            Map<String, Object> expanded = new LinkedHashMap<>();
            expanded.put(ComponentSpec.NAME_KEY, name);
            List<Object> steps = Trees.steps(keyPath);
            @SuppressWarnings("unchecked")
            Map<String, Object> parent = (Map<String, Object>) parentOf(steps, keyPath, origin, originKeyPath);
            parent.put((String) steps.get(steps.size() - 1), expanded);
        }
        for (Map.Entry<?, ?> entry : layer.entrySet()) {
            String key = String.valueOf(entry.getKey());
            merge(Trees.child(keyPath, key), entry.getValue(), origin, Trees.child(originKeyPath, key));
        }
        return this;
    }

    /**
     * Keeps only some items of a list, moving the recorded origins of the items that stay.
     *
     * @param keyPath the list's key path
     * @param keep whether to keep the item at an index; called once per index, in order
     * @throws IllegalArgumentException if there is no list at the key path
     */
    public DescriptorEditor retainItems(String keyPath, IntPredicate keep) {
        if (!(get(keyPath) instanceof List<?> items)) {
            throw new IllegalArgumentException("no list at " + keyPath);
        }
        boolean[] keeps = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            keeps[i] = keep.test(i);
            if (!keeps[i]) {
                location.forget(keyPath + "[" + i + "]");
            }
        }
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (keeps[i]) {
                if (i != kept.size()) {
                    location.rename(keyPath + "[" + i + "]", keyPath + "[" + kept.size() + "]");
                }
                kept.add(items.get(i));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) items;
        list.clear();
        list.addAll(kept);
        return this;
    }

    /** Returns the edited descriptor; the editor may go on editing its own copy. */
    @SuppressWarnings("unchecked")
    public Descriptor build() {
        return new Descriptor(source.file(), (Map<String, Object>) Trees.deepCopy(root), location.copy());
    }

    /** Walks to the container of the last step, creating mappings and expanding component names. */
    private Object parentOf(List<Object> steps, String keyPath, ConfigLocation origin, String originKeyPath) {
        Object node = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            Object next = steps.get(i + 1);
            if (step instanceof Integer index) {
                if (!(node instanceof List<?> list) || index >= list.size()) {
                    throw notSettable(keyPath, "there is no list item " + index, origin, originKeyPath);
                }
                node = list.get(index);
                continue;
            }
            if (!(node instanceof Map<?, ?>)) {
                throw notSettable(keyPath, "'" + step + "' is below a value that is not a mapping", origin, originKeyPath);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) node;
            Object child = map.get((String) step);
            if (child == null && next instanceof String) {
                child = new LinkedHashMap<String, Object>();
                map.put((String) step, child);
            } else if (child instanceof String name && next instanceof String && i > 0) {
                Map<String, Object> expanded = new LinkedHashMap<>();
                expanded.put(ComponentSpec.NAME_KEY, name);
                child = expanded;
                map.put((String) step, child);
            }
            node = child;
        }
        return node;
    }

    private void recordOrigins(String keyPath, Object value, ConfigLocation origin, String originKeyPath) {
        location.record(keyPath, origin.fileOf(originKeyPath), origin.lineOf(originKeyPath));
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                recordOrigins(keyPath + "." + key, entry.getValue(), origin, originKeyPath + "." + key);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                recordOrigins(keyPath + "[" + i + "]", list.get(i), origin, originKeyPath + "[" + i + "]");
            }
        }
    }

    private static ConfigException notSettable(
            String keyPath, String reason, ConfigLocation origin, String originKeyPath) {
        Objects.requireNonNull(origin, "origin");
        return new ConfigException(
                new ConfigProblem(
                        origin.fileOf(originKeyPath), origin.lineOf(originKeyPath), keyPath,
                        "cannot set this key: " + reason));
    }
}
