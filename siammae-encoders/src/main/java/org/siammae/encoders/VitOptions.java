package org.siammae.encoders;

import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;

/**
 * Sizes of a ViT backbone: a named preset, with any size overridden by an explicit value.
 *
 * <p>Presets (width / depth / heads): {@code tiny} 192 / 12 / 3 (DeiT-Ti), {@code small} 384 / 12 /
 * 6 (ViT-S), {@code base} 768 / 12 / 12 (ViT-B). The patch size and the frame size come from the
 * model section of the descriptor, not from here.
 */
public class VitOptions implements ValidatedOptions {

    /** Named ViT sizes. */
    public enum Preset {
        /** Width 192, depth 12, 3 heads. */
        TINY(192, 12, 3),
        /** Width 384, depth 12, 6 heads (ViT-S, about 21 M parameters). */
        SMALL(384, 12, 6),
        /** Width 768, depth 12, 12 heads (ViT-B). */
        BASE(768, 12, 12);

        final int width;
        final int depth;
        final int heads;

        Preset(int width, int depth, int heads) {
            this.width = width;
            this.depth = depth;
            this.heads = heads;
        }
    }

    @Tunable(description = "named size: tiny (192/12/3), small (384/12/6) or base (768/12/12)")
    Preset preset = Preset.SMALL;

    @Tunable(description = "token width D; overrides the preset; a multiple of heads and of 4")
    Integer width;

    @Tunable(description = "number of transformer blocks; overrides the preset")
    Integer depth;

    @Tunable(description = "attention heads; overrides the preset")
    Integer heads;

    @Tunable(description = "feed-forward hidden width over the token width")
    double mlpRatio = 4.0;

    /** Returns the token width after applying the preset. */
    public int resolvedWidth() {
        return width != null ? width : preset.width;
    }

    /** Returns the depth after applying the preset. */
    public int resolvedDepth() {
        return depth != null ? depth : preset.depth;
    }

    /** Returns the head count after applying the preset. */
    public int resolvedHeads() {
        return heads != null ? heads : preset.heads;
    }

    @Override
    public void validate(ConfigProblems problems) {
        int w = resolvedWidth();
        int h = resolvedHeads();
        if (w <= 0 || w % 4 != 0) {
            problems.add("width", "must be a positive multiple of 4 (2D sin-cos embedding), got " + w);
        }
        if (h <= 0 || (w > 0 && w % h != 0)) {
            problems.add("heads", "must be positive and divide the width " + w + ", got " + h);
        }
        if (resolvedDepth() <= 0) {
            problems.add("depth", "must be positive, got " + resolvedDepth());
        }
        if (!(mlpRatio > 0)) {
            problems.add("mlp-ratio", "must be positive, got " + mlpRatio);
        }
    }
}
