package org.siammae.eval.features;

/**
 * The evaluation resolution of a video: a {@link ResizeRule} with its lengths. Every computed side
 * is floored to a multiple of {@code multiple} and then to a multiple of the feature stride, since
 * encoders need whole patches.
 *
 * @param rule how the size follows from the native size
 * @param height frame height for {@link ResizeRule#FIXED}
 * @param width frame width for {@link ResizeRule#FIXED}
 * @param side the short or long side for {@link ResizeRule#SHORT_SIDE} and {@link
 *     ResizeRule#LONG_SIDE}
 * @param multiple the proportional side is floored to a multiple of this (DINO uses 64); 1 to only
 *     floor to the stride
 */
public record FrameSize(ResizeRule rule, int height, int width, int side, int multiple) {

    public FrameSize {
        if (multiple < 1) {
            throw new IllegalArgumentException("size multiple must be at least 1, got " + multiple);
        }
        if (rule == ResizeRule.FIXED && (height <= 0 || width <= 0)) {
            throw new IllegalArgumentException(
                    "a fixed frame size needs a positive height and width, got "
                            + height
                            + " x "
                            + width);
        }
        if ((rule == ResizeRule.SHORT_SIDE || rule == ResizeRule.LONG_SIDE) && side <= 0) {
            throw new IllegalArgumentException("side length must be positive, got " + side);
        }
    }

    /**
     * Returns a fixed size.
     *
     * @param height frame height
     * @param width frame width
     */
    public static FrameSize fixed(int height, int width) {
        return new FrameSize(ResizeRule.FIXED, height, width, 0, 1);
    }

    /** Returns the rule in words, such as {@code fixed 480 x 880 (height x width)}. */
    public String describe() {
        String floor = multiple > 1 ? ", floored to a multiple of " + multiple : "";
        return switch (rule) {
            case FIXED -> "fixed " + height + " x " + width + " (height x width)";
            case SHORT_SIDE -> "short side " + side + floor;
            case LONG_SIDE -> "long side " + side + floor;
            case NATIVE -> "native" + floor;
        };
    }

    /**
     * Returns the size for a video.
     *
     * @param nativeWidth native frame width
     * @param nativeHeight native frame height
     * @param stride the feature stride (patch size); both sides become multiples of it
     * @return {width, height}
     * @throws IllegalArgumentException if a side would be below one stride
     */
    public int[] apply(int nativeWidth, int nativeHeight, int stride) {
        int w;
        int h;
        switch (rule) {
            case FIXED -> {
                w = width;
                h = height;
            }
            case SHORT_SIDE -> {
                boolean landscape = nativeWidth >= nativeHeight;
                int other = proportional(landscape ? nativeWidth : nativeHeight, landscape ? nativeHeight : nativeWidth);
                w = landscape ? other : side;
                h = landscape ? side : other;
            }
            case LONG_SIDE -> {
                boolean landscape = nativeWidth >= nativeHeight;
                int other = proportional(landscape ? nativeHeight : nativeWidth, landscape ? nativeWidth : nativeHeight);
                w = landscape ? side : other;
                h = landscape ? other : side;
            }
            case NATIVE -> {
                w = nativeWidth / multiple * multiple;
                h = nativeHeight / multiple * multiple;
            }
            default -> throw new IllegalStateException("unknown rule " + rule);
        }
        int flooredWidth = w / stride * stride;
        int flooredHeight = h / stride * stride;
        if (flooredWidth < stride || flooredHeight < stride) {
            throw new IllegalArgumentException(
                    "evaluation size "
                            + w
                            + " x "
                            + h
                            + " for frames of "
                            + nativeWidth
                            + " x "
                            + nativeHeight
                            + " is smaller than one feature cell of "
                            + stride
                            + " pixels");
        }
        return new int[] {flooredWidth, flooredHeight};
    }

    private int proportional(int scaledSide, int givenSide) {
        // DINO: long = int((side * long / short) // 64 * 64).
        double length = (double) side * scaledSide / givenSide;
        return (int) (Math.floor(length / multiple) * multiple);
    }
}
