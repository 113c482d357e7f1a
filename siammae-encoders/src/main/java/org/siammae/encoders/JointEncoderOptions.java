package org.siammae.encoders;

import org.siammae.api.config.Tunable;

/** Options of the joint encoder: the ViT sizes and the frame embedding. */
public class JointEncoderOptions extends VitOptions {

    @Tunable(
            description =
                    "add a fixed 1D sin-cos embedding of the frame index to every patch token, so"
                            + " the single sequence can tell frames apart (the paper does not say"
                            + " how FrameMAE separates frames; on by default)")
    boolean temporalEmbedding = true;
}
