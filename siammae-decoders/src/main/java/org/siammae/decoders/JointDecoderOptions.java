package org.siammae.decoders;

import org.siammae.api.config.Tunable;

/** Options of the joint decoder: the sizes and the frame embedding. */
public class JointDecoderOptions extends DecoderOptions {

    @Tunable(
            description =
                    "add a fixed 1D sin-cos embedding of the frame index to every token, so the"
                            + " joint sequence can tell frames apart (on by default; the paper is"
                            + " silent)")
    boolean temporalEmbedding = true;
}
