package org.siammae.eval.jhmdb;

import org.siammae.eval.propagation.GridLabels;

/**
 * Converts between joint positions and grid labels: channel 0 is background, channel 1 + j is a
 * Gaussian heatmap of joint j (as CRW builds JHMDB labels).
 */
public final class JointHeatmaps {

    private JointHeatmaps() {}

    /**
     * Draws the heatmaps of one frame.
     *
     * <p>Each joint gets {@code exp(-(dx^2 + dy^2) / (2 sigma^2))} on the cells within {@code 3
     * sigma} rows and columns of its nearest cell, 1 at that cell. Background is 1 on cells where
     * every joint channel is 0.
     *
     * <p>NOTE: CRW stamps a (6 sigma + 1)-wide kernel whose corner it places by truncating {@code
     * position - 3 sigma}, which is one cell wider on the low side; the difference is below 4e-4.
     *
     * @param joints [joint]{x, y} in grid cells (cell centres at integers)
     * @param gridHeight h
     * @param gridWidth w
     * @param sigma Gaussian width in cells
     */
    public static GridLabels draw(double[][] joints, int gridHeight, int gridWidth, double sigma) {
        int channels = joints.length + 1;
        float[] values = new float[gridHeight * gridWidth * channels];
        int reach = (int) Math.floor(3 * sigma);
        for (int j = 0; j < joints.length; j++) {
            int cx = (int) Math.floor(joints[j][0] + 0.5);
            int cy = (int) Math.floor(joints[j][1] + 0.5);
            for (int dy = -reach; dy <= reach; dy++) {
                for (int dx = -reach; dx <= reach; dx++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if (x < 0 || y < 0 || x >= gridWidth || y >= gridHeight) {
                        continue;
                    }
                    double value = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                    values[(y * gridWidth + x) * channels + 1 + j] = (float) value;
                }
            }
        }
        for (int cell = 0; cell < gridHeight * gridWidth; cell++) {
            float sum = 0;
            for (int c = 1; c < channels; c++) {
                sum += values[cell * channels + c];
            }
            if (sum == 0) {
                values[cell * channels] = 1;
            }
        }
        return new GridLabels(gridHeight, gridWidth, channels, values);
    }

    /**
     * Reads joint positions from propagated heatmaps, as CRW's {@code process_pose}: each joint is
     * the weighted mean of its {@code top} highest cells, weights proportional to their values; a
     * joint whose channel is all zero gets (-1, -1), which marks it invisible.
     *
     * @param labels soft labels with the background in channel 0
     * @param top how many cells to average, 3 in CRW
     * @return [joint]{x, y} in grid cells
     */
    public static double[][] decode(GridLabels labels, int top) {
        int joints = labels.channels() - 1;
        int cells = labels.height() * labels.width();
        int k = Math.min(top, cells);
        double[][] out = new double[joints][2];
        for (int j = 0; j < joints; j++) {
            int channel = j + 1;
            int[] best = new int[k];
            java.util.Arrays.fill(best, -1);
            double total = 0;
            for (int cell = 0; cell < cells; cell++) {
                float value = labels.get(cell, channel);
                total += value;
                insert(best, cell, labels, channel);
            }
            if (total == 0) {
                out[j][0] = -1;
                out[j][1] = -1;
                continue;
            }
            double weightSum = 0;
            for (int cell : best) {
                weightSum += labels.get(cell, channel);
            }
            double x = 0;
            double y = 0;
            for (int cell : best) {
                double weight = labels.get(cell, channel) / weightSum;
                x += weight * (cell % labels.width());
                y += weight * (cell / labels.width());
            }
            out[j][0] = x;
            out[j][1] = y;
        }
        return out;
    }

    /** Keeps {@code best} sorted by descending value; empty slots hold -1. */
    private static void insert(int[] best, int cell, GridLabels labels, int channel) {
        float value = labels.get(cell, channel);
        int position = best.length;
        while (position > 0
                && (best[position - 1] < 0 || labels.get(best[position - 1], channel) < value)) {
            position--;
        }
        if (position >= best.length) {
            return;
        }
        System.arraycopy(best, position, best, position + 1, best.length - position - 1);
        best[position] = cell;
    }
}
