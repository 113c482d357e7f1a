package org.siammae.decoders;

import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.nn.TransformerSpec;

/**
 * Sizes of a decoder. The paper does not state them; the defaults are MAE's decoder (width 512,
 * depth 8, 16 heads).
 */
public class DecoderOptions implements ValidatedOptions {

    @Tunable(description = "token width of the decoder; a multiple of heads and of 4")
    int width = 512;

    @Tunable(description = "number of decoder blocks")
    int depth = 8;

    @Tunable(description = "attention heads")
    int heads = 16;

    @Tunable(description = "feed-forward hidden width over the token width")
    double mlpRatio = 4.0;

    /** Returns the block sizes these options describe. */
    TransformerSpec spec() {
        return TransformerSpec.builder().setWidth(width).setHeads(heads).optMlpRatio(mlpRatio).build();
    }

    @Override
    public void validate(ConfigProblems problems) {
        if (width <= 0 || width % 4 != 0) {
            problems.add("width", "must be a positive multiple of 4 (2D sin-cos embedding), got " + width);
        }
        if (heads <= 0 || (width > 0 && width % heads != 0)) {
            problems.add("heads", "must be positive and divide the width " + width + ", got " + heads);
        }
        if (depth <= 0) {
            problems.add("depth", "must be positive, got " + depth);
        }
        if (!(mlpRatio > 0)) {
            problems.add("mlp-ratio", "must be positive, got " + mlpRatio);
        }
    }
}
