package org.siammae.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Encoder output: one token set per frame, in frame order (context frames, then the target).
 *
 * <p>Each token set is (B, 1 + K_t, D): a leading summary token ([CLS]) followed by the frame's
 * visible patches in the ascending order of {@link PatchMask#visible}. An encoder that reads all
 * frames as one sequence repeats its single [CLS] output at the head of every set.
 *
 * @param tokens one (B, 1 + K_t, D) array per frame
 */
public record EncodedFrames(List<NDArray> tokens) {

    public EncodedFrames {
        tokens = List.copyOf(tokens);
    }

    /** Returns the target frame's tokens, (B, 1 + K, D). */
    public NDArray target() {
        return tokens.get(tokens.size() - 1);
    }

    /** Returns the context frames' token sets, each (B, 1 + K_t, D). */
    public List<NDArray> context() {
        return tokens.subList(0, tokens.size() - 1);
    }
}
