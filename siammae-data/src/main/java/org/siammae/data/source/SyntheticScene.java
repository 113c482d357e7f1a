package org.siammae.data.source;

import java.util.Random;
import org.siammae.data.Seeds;

/**
 * One procedural clip: a background of summed colour gratings that pans at a constant velocity, and
 * objects (discs and squares) with a checkerboard texture that move at constant velocity and
 * bounce off the frame edges. Later objects occlude earlier ones. Every parameter is drawn once
 * from the clip's seed, so frame {@code t} is a pure function of the seed, the clip index and
 * {@code t}.
 */
final class SyntheticScene {

    private static final int GRATINGS = 3;
    private static final double TWO_PI = 2 * Math.PI;

    private final int height;
    private final int width;
    private final double[] base = new double[3];
    private final double[][] gratingAmplitude = new double[GRATINGS][3];
    private final double[] gratingFx = new double[GRATINGS];
    private final double[] gratingFy = new double[GRATINGS];
    private final double[] gratingPhase = new double[GRATINGS];
    private final double panX;
    private final double panY;
    private final Shape[] shapes;

    /** One moving object. */
    private record Shape(
            boolean disc,
            double radius,
            double x0,
            double y0,
            double vx,
            double vy,
            double period,
            float[] colourA,
            float[] colourB) {}

    SyntheticScene(long seed, int index, int height, int width, int objects, double speed) {
        this.height = height;
        this.width = width;
        Random random = new Random(Seeds.derive(seed, index));
        for (int c = 0; c < 3; c++) {
            base[c] = 0.3 + 0.4 * random.nextDouble();
        }
        for (int k = 0; k < GRATINGS; k++) {
            double angle = TWO_PI * random.nextDouble();
            double frequency = 1.0 / (6 + 18 * random.nextDouble()); // cycles per pixel
            gratingFx[k] = frequency * Math.cos(angle);
            gratingFy[k] = frequency * Math.sin(angle);
            gratingPhase[k] = TWO_PI * random.nextDouble();
            for (int c = 0; c < 3; c++) {
                gratingAmplitude[k][c] = 0.15 * (2 * random.nextDouble() - 1);
            }
        }
        panX = speed * 0.25 * (2 * random.nextDouble() - 1);
        panY = speed * 0.25 * (2 * random.nextDouble() - 1);
        int side = Math.min(height, width);
        shapes = new Shape[objects];
        for (int i = 0; i < objects; i++) {
            double radius = side * (0.08 + 0.12 * random.nextDouble());
            double angle = TWO_PI * random.nextDouble();
            double magnitude = speed * (0.5 + 0.5 * random.nextDouble());
            float[] colourA = new float[3];
            float[] colourB = new float[3];
            for (int c = 0; c < 3; c++) {
                colourA[c] = (float) random.nextDouble();
                colourB[c] = (float) (0.5 * (1 - colourA[c]) + 0.5 * random.nextDouble());
            }
            shapes[i] =
                    new Shape(
                            random.nextBoolean(),
                            radius,
                            radius + (width - 2 * radius) * random.nextDouble(),
                            radius + (height - 2 * radius) * random.nextDouble(),
                            magnitude * Math.cos(angle),
                            magnitude * Math.sin(angle),
                            Math.max(2.0, radius / (1.5 + 2.5 * random.nextDouble())),
                            colourA,
                            colourB);
        }
    }

    /**
     * Renders frame {@code t}.
     *
     * @return planar (3, height, width) values in [0, 1]
     */
    float[] render(int t) {
        int plane = height * width;
        float[] rgb = new float[3 * plane];
        drawBackground(rgb, t);
        for (Shape shape : shapes) {
            drawShape(rgb, shape, t);
        }
        return rgb;
    }

    private void drawBackground(float[] rgb, int t) {
        int plane = height * width;
        // sin(a + b) = sin a cos b + cos a sin b separates each grating into row and column tables.
        double[][] sinX = new double[GRATINGS][width];
        double[][] cosX = new double[GRATINGS][width];
        double[][] sinY = new double[GRATINGS][height];
        double[][] cosY = new double[GRATINGS][height];
        for (int k = 0; k < GRATINGS; k++) {
            for (int x = 0; x < width; x++) {
                double a = TWO_PI * gratingFx[k] * (x + panX * t) + gratingPhase[k];
                sinX[k][x] = Math.sin(a);
                cosX[k][x] = Math.cos(a);
            }
            for (int y = 0; y < height; y++) {
                double b = TWO_PI * gratingFy[k] * (y + panY * t);
                sinY[k][y] = Math.sin(b);
                cosY[k][y] = Math.cos(b);
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double r = base[0];
                double g = base[1];
                double b = base[2];
                for (int k = 0; k < GRATINGS; k++) {
                    double wave = sinX[k][x] * cosY[k][y] + cosX[k][x] * sinY[k][y];
                    r += gratingAmplitude[k][0] * wave;
                    g += gratingAmplitude[k][1] * wave;
                    b += gratingAmplitude[k][2] * wave;
                }
                int i = y * width + x;
                rgb[i] = clamp(r);
                rgb[plane + i] = clamp(g);
                rgb[2 * plane + i] = clamp(b);
            }
        }
    }

    private void drawShape(float[] rgb, Shape shape, int t) {
        int plane = height * width;
        double r = shape.radius();
        double cx = bounce(shape.x0() + shape.vx() * t, r, width - r);
        double cy = bounce(shape.y0() + shape.vy() * t, r, height - r);
        int x0 = Math.max(0, (int) Math.floor(cx - r));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + r));
        int y0 = Math.max(0, (int) Math.floor(cy - r));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + r));
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                boolean inside =
                        shape.disc() ? dx * dx + dy * dy <= r * r : Math.abs(dx) <= r && Math.abs(dy) <= r;
                if (!inside) {
                    continue;
                }
                // The texture is fixed to the object, so it moves with it.
                long cell =
                        (long) Math.floor((dx + r) / shape.period())
                                + (long) Math.floor((dy + r) / shape.period());
                float[] colour = (cell & 1) == 0 ? shape.colourA() : shape.colourB();
                int i = y * width + x;
                rgb[i] = colour[0];
                rgb[plane + i] = colour[1];
                rgb[2 * plane + i] = colour[2];
            }
        }
    }

    /** Folds a free position into {@code [low, high]} as a bouncing ball would travel. */
    static double bounce(double position, double low, double high) {
        double span = high - low;
        if (span <= 0) {
            return low;
        }
        double u = (position - low) % (2 * span);
        if (u < 0) {
            u += 2 * span;
        }
        return low + (u <= span ? u : 2 * span - u);
    }

    private static float clamp(double value) {
        return (float) Math.max(0.0, Math.min(1.0, value));
    }
}
