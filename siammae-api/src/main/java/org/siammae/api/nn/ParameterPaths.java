package org.siammae.api.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names every parameter of a block tree by its path of child names, in PyTorch style: {@code
 * encoder.blocks.3.attn.qkv.weight}.
 *
 * <p>DJL prefixes each child name with its position ({@code 01encoder}); the prefix is dropped
 * here, so checkpoint names change only when a child is renamed, never when children are
 * reordered. Child names must therefore start with a letter.
 */
public final class ParameterPaths {

    private ParameterPaths() {}

    /**
     * Returns the parameters of a block tree by path, in initialisation order.
     *
     * @param root the root block
     */
    public static Map<String, Parameter> of(Block root) {
        Map<String, Parameter> paths = new LinkedHashMap<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> paths) {
        for (Pair<String, Parameter> entry : block.getDirectParameters()) {
            paths.put(prefix + entry.getKey(), entry.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            collect(child.getValue(), prefix + stripOrder(child.getKey()) + ".", paths);
        }
    }

    private static String stripOrder(String childName) {
        int start = 0;
        while (start < childName.length() && Character.isDigit(childName.charAt(start))) {
            start++;
        }
        if (start == childName.length()) {
            throw new IllegalStateException(
                    "child block name '" + childName + "' must contain a letter after its order");
        }
        return childName.substring(start);
    }
}
